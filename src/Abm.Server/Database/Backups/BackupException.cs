namespace Abm.Server.Database.Backups;

/// <summary>A backup or restore that cannot go on, with what to do about it; nothing has been changed.</summary>
internal sealed class BackupException(string message) : Exception(message);
