using System.CommandLine;
using System.Text;
using Abm.Data;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Abm.Server.Features.Users;
using Abm.Server.Features.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Cli;

/// <summary>
/// <c>abm users add --email E --role R [--workspace ID|NAME] [--password P]</c>: creates a dashboard user, the first
/// admin included. Without --password it asks for one on a terminal, or else generates one and prints it once.
/// </summary>
internal static class UsersCommand
{
    private static readonly Option<string?> Email = new("--email") { Description = "The user's email address, which they sign in with." };
    private static readonly Option<string?> Role = new("--role") { Description = $"One of {string.Join(", ", Roles.All)}: the same rights an API key of that role has." };
    private static readonly Option<string?> Workspace = new("--workspace") { Description = "The workspace's id or exact name; the default workspace when left out." };
    private static readonly Option<string?> Password = new("--password") { Description = $"At least {UserSetup.MinimumPasswordLength} characters. Left out: asked for on a terminal, else generated and printed once." };

    public static Command Create() => new("users", "Dashboard users.")
    {
        Subcommands =
        {
            CliVerb.Define("add", "Create a user who signs in to the dashboard.", "abm users add --email ada@example.com --role admin", AddAsync, Email, Role, Workspace, Password),
        },
    };

    private static Task<int> AddAsync(ParseResult parse, CancellationToken cancellationToken) => CliVerb.RunAsync("users add", async () =>
    {
        var email = parse.GetValue(Email) ?? throw new CliInputException("--email is required, e.g. abm users add --email ada@example.com --role admin");
        var role = parse.GetValue(Role) ?? throw new CliInputException($"--role is required: one of {string.Join(", ", Roles.All)}");
        await using var app = await CliVerb.BuildStartedAppAsync(parse, cancellationToken);
        await using var scope = app.Services.CreateAsyncScope();
        var workspaceId = await FindWorkspaceAsync(scope.ServiceProvider, parse.GetValue(Workspace), cancellationToken);
        var (password, generated) = parse.GetValue(Password) is { } given ? (given, false) : AskOrGenerate();
        var (user, problems) = await scope.ServiceProvider.GetRequiredService<DashboardUsers>().AddAsync(email, role, workspaceId, password);
        if (user is null)
        {
            throw new CliInputException(string.Join("; ", problems));
        }

        // Audited as the users API's additions are; the details never carry the password.
        scope.ServiceProvider.GetRequiredService<AuditTrail>().Record(
            user.WorkspaceId, "cli", "user.created", "user", user.Id.ToString(), new { user.Email, user.Role, PasswordGenerated = generated });
        await scope.ServiceProvider.GetRequiredService<AbmDbContext>().SaveChangesAsync(cancellationToken);
        Console.WriteLine($"created {user.Role} {user.Email} in workspace {user.WorkspaceId}");
        if (generated)
        {
            Console.WriteLine($"password (shown once, store it now): {password}");
        }

        return 0;
    });

    private static async Task<Guid> FindWorkspaceAsync(IServiceProvider services, string? named, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(named))
        {
            return services.GetRequiredService<DefaultWorkspace>().Id;
        }

        var database = services.GetRequiredService<AbmDbContext>();
        var matches = Guid.TryParse(named, out var id)
            ? await database.Workspaces.Where(w => w.Id == id).Select(w => w.Id).ToListAsync(cancellationToken)
            : await database.Workspaces.Where(w => w.Name == named).Select(w => w.Id).ToListAsync(cancellationToken);
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new CliInputException($"--workspace: no workspace has the id or name '{named}'."),
            _ => throw new CliInputException($"--workspace: {matches.Count} workspaces are named '{named}'; give the id."),
        };
    }

    /// <summary>On a terminal: asked twice without echo. Otherwise (a script): generated.</summary>
    private static (string Password, bool Generated) AskOrGenerate()
    {
        if (Console.IsInputRedirected)
        {
            return (DashboardUsers.GeneratePassword(), true);
        }

        var first = ReadHidden("password: ");
        var second = ReadHidden("again: ");
        return first == second ? (first, false) : throw new CliInputException("the two passwords differ.");
    }

    private static string ReadHidden(string prompt)
    {
        Console.Write(prompt);
        var text = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && text.Length > 0)
            {
                text.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }

        Console.WriteLine();
        return text.ToString();
    }
}
