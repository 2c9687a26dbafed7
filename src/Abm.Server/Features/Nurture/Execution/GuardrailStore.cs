using System.Text.Json;
using Abm.Data;
using Abm.Engines.Nurture;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Nurture.Execution;

/// <summary>The workspace's guardrail settings as stored and shown: the defaults until it changes them.</summary>
internal sealed record GuardrailDocument(
    int MaxTouchesPerContactPerWeek, int MaxTouchesPerAccountPerDay, bool RespectQuietHours, string QuietStart, string QuietEnd, bool SkipWeekends)
{
    public static GuardrailDocument From(GuardrailSettings s) => new(
        s.MaxTouchesPerContactPerWeek, s.MaxTouchesPerAccountPerDay, s.RespectQuietHours, s.QuietStart.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        s.QuietEnd.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), s.SkipWeekends);

    public GuardrailSettings ToSettings() => new(
        MaxTouchesPerContactPerWeek, MaxTouchesPerAccountPerDay, RespectQuietHours,
        TimeOnly.ParseExact(QuietStart, "HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        TimeOnly.ParseExact(QuietEnd, "HH:mm", System.Globalization.CultureInfo.InvariantCulture), SkipWeekends);
}

/// <summary>Reads and writes a workspace's nurture guardrails (a column of the workspace row).</summary>
internal sealed class GuardrailStore(AbmDbContext database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<GuardrailSettings> LoadAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var stored = await database.Workspaces.Where(w => w.Id == workspaceId).Select(w => w.NurtureGuardrails).SingleOrDefaultAsync(cancellationToken);
        return stored is null ? GuardrailSettings.Default : JsonSerializer.Deserialize<GuardrailDocument>(stored, Json)!.ToSettings();
    }

    public Task SaveAsync(Guid workspaceId, GuardrailDocument document, DateTime now, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(document, Json);
        return database.Workspaces.Where(w => w.Id == workspaceId)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.NurtureGuardrails, json).SetProperty(w => w.UpdatedAt, now), cancellationToken);
    }
}
