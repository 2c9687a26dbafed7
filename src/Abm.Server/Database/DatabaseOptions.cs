namespace Abm.Server.Database;

internal sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending migrations when the server starts. Turn off to run <c>abm migrate</c> as a separate release step.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
