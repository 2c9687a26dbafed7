using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines.Experiments;
using Abm.Engines.Recommendations;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Experiments;

/// <summary>
/// The arm a contact is in: the running experiment, the arm's key, the weights it recommends (or, for a popularity
/// arm, explains) with, and whether it ranks by popularity.
/// </summary>
internal sealed record ExperimentArmFor(Guid ExperimentId, string Arm, string UnitKey, RelevanceWeights Weights, bool ByPopularity)
{
    /// <summary>What a recommender built for this arm is known by in the recommender cache.</summary>
    public string WeightsKey => $"experiment:{ExperimentId:N}:{Arm}";
}

/// <summary>
/// Puts contacts in the running recommendation experiment's arms and records what each met: the items it was shown
/// and the items nurture sent it. The unit is the contact's account (its company), so a buying committee sees one
/// arm; a contact with no company is its own unit. Held-out contacts, and everyone when no experiment runs, get the
/// weights in force and are not recorded.
/// </summary>
internal sealed class ExperimentExposures(AbmDbContext database, TimeProvider clock)
{
    private sealed record Running(Guid Id, IReadOnlyList<ArmDocument> Arms, double HoldoutShare)
    {
        // Built once per look-up of the running experiment, not once per contact of a nurture batch.
        private readonly IReadOnlyList<ExperimentArm> _engineArms = ExperimentDefinitions.EngineArms(Arms);
        private readonly string _salt = Id.ToString("N");

        public ExperimentArmFor? ArmOf(Contact contact)
        {
            var unit = UnitOf(contact);
            var arm = ExperimentAssignment.Assign(_salt, unit, _engineArms, HoldoutShare);
            var document = Arms.SingleOrDefault(a => a.Key == arm);
            return document is null ? null : new ExperimentArmFor(Id, arm, unit, document.Weights.ToEngine(), document.Source == ArmSources.Popularity);
        }
    }

    /// <summary>The contact's arm in the running recommendation experiment; null when none runs or the contact is held out.</summary>
    public async Task<ExperimentArmFor?> ArmForAsync(Contact contact, CancellationToken cancellationToken) =>
        (await RunningAsync(cancellationToken))?.ArmOf(contact);

    /// <summary>Records the items shown, once per contact and item (the first time counts); another request recording them at once is no error.</summary>
    public Task RecordAsync(ExperimentArmFor arm, Contact contact, IReadOnlyList<Guid> contentIds, CancellationToken cancellationToken) =>
        SaveNewAsync(ExposureChannels.Shown, [.. contentIds.Select(id => (arm, contact, id))], cancellationToken);

    /// <summary>
    /// Records nurture's accepted sends as the running experiment's exposures, for the contacts in one of its arms, once
    /// per contact and item. Sends to held-out contacts, or with no experiment running, are not recorded.
    /// </summary>
    public async Task RecordSentAsync(IReadOnlyList<(Contact Contact, Guid ContentId)> sends, CancellationToken cancellationToken)
    {
        if (sends.Count == 0 || await RunningAsync(cancellationToken) is not { } running)
        {
            return;
        }

        var inArms = sends.Select(s => (Arm: running.ArmOf(s.Contact), s.Contact, s.ContentId)).Where(s => s.Arm is not null).Select(s => (s.Arm!, s.Contact, s.ContentId));
        await SaveNewAsync(ExposureChannels.Sent, [.. inArms], cancellationToken);
    }

    private async Task<Running?> RunningAsync(CancellationToken cancellationToken)
    {
        var running = await database.Experiments.AsNoTracking()
            .Where(e => e.Status == ExperimentStatuses.Running && e.Kind == "recommendation")
            .Select(e => new { e.Id, e.Variants, e.HoldoutShare }).FirstOrDefaultAsync(cancellationToken);
        return running is null ? null : new Running(running.Id, ExperimentDefinitions.Arms(running.Variants), running.HoldoutShare);
    }

    private async Task SaveNewAsync(string channel, IReadOnlyList<(ExperimentArmFor Arm, Contact Contact, Guid ContentId)> exposures, CancellationToken cancellationToken)
    {
        if (exposures.Count == 0)
        {
            return;
        }

        var experimentId = exposures[0].Arm.ExperimentId;
        var contactIds = exposures.Select(x => x.Contact.Id).Distinct().ToList();
        var contentIds = exposures.Select(x => x.ContentId).Distinct().ToList();
        var known = (await database.ExperimentExposures
            .Where(x => x.ExperimentId == experimentId && x.Channel == channel && contactIds.Contains(x.ContactId) && contentIds.Contains(x.ContentId))
            .Select(x => new { x.ContactId, x.ContentId }).ToListAsync(cancellationToken)).Select(x => (x.ContactId, x.ContentId)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var added = exposures.DistinctBy(x => (x.Contact.Id, x.ContentId)).Where(x => !known.Contains((x.Contact.Id, x.ContentId))).Select(x => new ExperimentExposure
        {
            Id = Guid.CreateVersion7(), WorkspaceId = x.Contact.WorkspaceId, ExperimentId = experimentId, Arm = x.Arm.Arm, UnitKey = x.Arm.UnitKey,
            ContactId = x.Contact.Id, ContentId = x.ContentId, ExposedAt = now, Channel = channel,
        }).ToList();
        if (added.Count > 0 && !await TrySaveAsync(added, cancellationToken) && added.Count > 1)
        {
            // A concurrent request recorded one of them first: the others are saved one by one, theirs kept.
            foreach (var exposure in added)
            {
                await TrySaveAsync([exposure], cancellationToken);
            }
        }
    }

    /// <summary>Saves the rows; false when one already exists (the first exposure is kept). The rows are detached either way.</summary>
    private async Task<bool> TrySaveAsync(IReadOnlyList<ExperimentExposure> rows, CancellationToken cancellationToken)
    {
        database.ExperimentExposures.AddRange(rows);
        try
        {
            await database.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
        finally
        {
            foreach (var row in rows)
            {
                database.Entry(row).State = EntityState.Detached;
            }
        }
    }

    public static string UnitOf(Contact contact) => (contact.CompanyId ?? contact.Id).ToString("N");
}
