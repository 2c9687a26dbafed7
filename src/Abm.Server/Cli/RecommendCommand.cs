using System.CommandLine;
using System.Globalization;
using Abm.Data;
using Abm.Server.Features.Recommendations;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Abm.Server.Cli;

/// <summary>
/// <c>abm recommend &lt;email|HubSpot id|id&gt; [--limit N] [--workspace ID]</c>: the contact's next-best content as a
/// table, each item with its score, the six factor contributions and the reason, the same answer as the API's.
/// </summary>
internal static class RecommendCommand
{
    private static readonly Argument<string> Contact = new("contact") { Description = "The contact's email, HubSpot id or ABM id." };
    private static readonly Option<int> Limit = new("--limit") { Description = "How many items (1 to 50).", DefaultValueFactory = _ => 5 };

    public static Command Create() =>
        CliVerb.Define("recommend", "Show a contact's next-best content with the reason for each item.", "abm recommend jane.doe@acme.com --limit 3", RunAsync, Contact, Limit, CliWorkspace.Option);

    private static Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken) => CliVerb.RunAsync("recommend", async () =>
    {
        var limit = parse.GetValue(Limit);
        if (limit is < 1 or > 50)
        {
            throw new CliInputException($"--limit must be between 1 and 50, not {limit}.");
        }

        await using var workspace = await CliWorkspace.OpenAsync(parse, cancellationToken);
        var who = parse.GetValue(Contact)!.Trim();
        var contact = await FindAsync(workspace.Get<AbmDbContext>(), who, cancellationToken)
            ?? throw new CliInputException($"no contact '{who}' in workspace {workspace.Id} (give an email, a HubSpot id or an ABM id).");
        var answer = await workspace.Get<ContactRecommendations>().GetAsync(contact.Id, limit, cancellationToken);

        Console.WriteLine($"{contact.Email ?? contact.HubSpotId}: stage {contact.JourneyStage}, persona {contact.PersonaType}, engagement {contact.EngagementScore}");
        if (answer is null || answer.Items.Count == 0)
        {
            Console.WriteLine("no content to recommend: the library is empty or the contact has consumed all of it.");
            return 0;
        }

        var table = new Table().AddColumns("#", "title", "type", "score", "industry · persona · stage · history · fresh · perf.", "why");
        foreach (var item in answer.Items)
        {
            var f = item.Factors;
            table.AddRow(
                item.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(item.Title), item.ContentType, Number(item.Score),
                string.Join(" · ", new[] { f.Industry, f.Persona, f.Stage, f.EngagementHistory, f.Freshness, f.Performance }.Select(Number)),
                Markup.Escape(item.Reason));
        }

        if (Console.IsOutputRedirected)
        {
            // Piped to a file or a program, nothing says how wide a line may be; wrapping cells at 80 columns
            // would split titles and reasons across lines.
            AnsiConsole.Profile.Width = 400;
        }

        AnsiConsole.Write(table);
        return 0;
    });

    private static Task<Data.Entities.Contact?> FindAsync(AbmDbContext database, string who, CancellationToken cancellationToken)
    {
        var contacts = database.Contacts.AsNoTracking();
        if (Guid.TryParse(who, out var id))
        {
            return contacts.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        }

        var email = who.ToLowerInvariant();
        return who.Contains('@', StringComparison.Ordinal)
            ? contacts.Where(c => c.Email == who || c.Email == email).OrderBy(c => c.CreatedAt).FirstOrDefaultAsync(cancellationToken)
            : contacts.SingleOrDefaultAsync(c => c.HubSpotId == who, cancellationToken);
    }

    private static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
