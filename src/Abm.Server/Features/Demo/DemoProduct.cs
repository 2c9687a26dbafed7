using System.Security.Claims;
using System.Text;
using Abm.Data;
using Abm.Engines.Nurture;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Abm.Server.Features.Leads;
using Abm.Server.Features.Nurture;
using Abm.Server.Features.Users;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Demo;

/// <summary>
/// The parts of the product a new customer sets up after the first sync, done for the demo workspace through the same
/// services the API and CLI use: the ideal-client profile and a first lead scoring, the nurture templates made active
/// sequences, and a dashboard sign-in. Each is done once; a restart finds them and leaves them as the user left them
/// (a sequence paused in the dashboard stays paused), except the sign-in's password, which is new at every start.
/// </summary>
internal sealed class DemoProduct(
    AbmDbContext database, IcpImport icpImport, LeadScoring leads, SequenceStore sequences, DashboardUsers users, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The demo's dashboard user (an admin of the demo workspace); <c>example.com</c> is reserved, so this is nobody's address.</summary>
    public const string DashboardEmail = "demo@example.com";

    /// <summary>
    /// The profile a marketer of the simulated market's product would write down: mid-sized technology and
    /// financial-services companies on a modern stack. It is what the sandbox's buyers of high fit look like, so the
    /// lead scores it gives can be checked against the sandbox's hidden truth (the lead-fit bench uses the same one).
    /// </summary>
    public const string IdealClientCsv = """
        name,industry,company_size,technology_stack
        Core market,technology;financial_services,200-5000,hubspot;salesforce;snowflake;aws;slack
        """;

    /// <summary>Imports the profile when the workspace has none, then scores the leads not scored yet.</summary>
    public async Task<(int CriteriaSets, LeadScoringSummary Scored)> ScoreLeadsAsync(ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var criteriaSets = 0;
        if (!await database.IcpProfiles.AnyAsync(p => p.Source == IcpStore.ProfileSource, cancellationToken))
        {
            await using var csv = new MemoryStream(Encoding.UTF8.GetBytes(IdealClientCsv));
            criteriaSets = (await icpImport.ImportAsync(csv, actor, cancellationToken)).Created;
        }

        return (criteriaSets, await leads.ScoreWorkspaceAsync(onlyUnscored: true, cancellationToken));
    }

    /// <summary>Makes an active sequence of every template the workspace has no sequence of yet; returns their names.</summary>
    public async Task<IReadOnlyList<string>> StartNurtureAsync(ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var existing = await database.NurtureSequences.Select(s => s.Name).ToListAsync(cancellationToken);
        var started = new List<string>();
        foreach (var template in SequenceTemplates.All.Where(t => !existing.Contains(t.Name)))
        {
            var sequence = await sequences.CreateFromTemplateAsync(template, actor, cancellationToken);
            await SequenceHandlers.ActivateAsync(sequence.Id, actor, database, audit, clock, cancellationToken);
            started.Add(sequence.Name);
        }

        return started;
    }

    /// <summary>The demo admin's sign-in with a new password, returned once.</summary>
    public async Task<string> RenewDashboardSignInAsync(Guid workspaceId)
    {
        var password = DashboardUsers.GeneratePassword();
        var problems = await users.SetPasswordAsync(DashboardEmail, Roles.Admin, workspaceId, password);
        return problems.Count == 0 ? password : throw new InvalidOperationException($"The demo's dashboard user could not be set up: {string.Join("; ", problems)}");
    }
}
