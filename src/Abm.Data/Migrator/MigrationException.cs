namespace Abm.Data.Migrator;

/// <summary>The schema cannot be brought up to date safely; the message says why and what to do.</summary>
public sealed class MigrationException(string message) : Exception(message);
