using Abm.Server.Cli;

return await AbmCommandLine.RunAsync(args);

/// <summary>The entry point; public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
