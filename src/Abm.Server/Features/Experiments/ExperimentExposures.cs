using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines.Experiments;
using Abm.Engines.Recommendations;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Experiments;

/// <summary>The arm a contact is in: the running experiment, the arm's key and the weights it recommends with.</summary>
internal sealed record ExperimentArmFor(Guid ExperimentId, string Arm, string UnitKey, RelevanceWeights Weights)
{
    /// <summary>What a recommender built for this arm is known by in the recommender cache.</summary>
    public string WeightsKey => $"experiment:{ExperimentId:N}:{Arm}";
}

/// <summary>
/// Puts contacts in the running recommendation experiment's arms and records what each was shown. The unit is the
/// contact's account (its company), so a buying committee sees one arm; a contact with no company is its own unit.
/// Held-out contacts, and everyone when no experiment runs, get the weights in force and are not recorded.
/// </summary>
internal sealed class ExperimentExposures(AbmDbContext database, TimeProvider clock)
{
    /// <summary>The contact's arm in the running recommendation experiment; null when none runs or the contact is held out.</summary>
    public async Task<ExperimentArmFor?> ArmForAsync(Contact contact, CancellationToken cancellationToken)
    {
        var running = await database.Experiments.AsNoTracking()
            .Where(e => e.Status == ExperimentStatuses.Running && e.Kind == "recommendation")
            .Select(e => new { e.Id, e.Variants, e.HoldoutShare }).FirstOrDefaultAsync(cancellationToken);
        if (running is null)
        {
            return null;
        }

        var arms = ExperimentDefinitions.Arms(running.Variants);
        var unit = UnitOf(contact);
        var arm = ExperimentAssignment.Assign(running.Id.ToString("N"), unit, ExperimentDefinitions.EngineArms(arms), running.HoldoutShare);
        return arm == ExperimentAssignment.Holdout ? null : new ExperimentArmFor(running.Id, arm, unit, arms.Single(a => a.Key == arm).Weights.ToEngine());
    }

    /// <summary>Records the items shown, once per contact and item (the first time counts); another request recording them at once is no error.</summary>
    public async Task RecordAsync(ExperimentArmFor arm, Contact contact, IReadOnlyList<Guid> contentIds, CancellationToken cancellationToken)
    {
        var known = await database.ExperimentExposures.Where(x => x.ExperimentId == arm.ExperimentId && x.ContactId == contact.Id && contentIds.Contains(x.ContentId))
            .Select(x => x.ContentId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = contentIds.Except(known).Select(id => new ExperimentExposure
        {
            Id = Guid.CreateVersion7(), WorkspaceId = contact.WorkspaceId, ExperimentId = arm.ExperimentId, Arm = arm.Arm, UnitKey = arm.UnitKey,
            ContactId = contact.Id, ContentId = id, ExposedAt = now,
        }).ToList();
        if (added.Count == 0)
        {
            return;
        }

        database.ExperimentExposures.AddRange(added);
        try
        {
            await database.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent request recorded some of them first: theirs is the first exposure, and it is kept.
        }
        finally
        {
            foreach (var exposure in added)
            {
                database.Entry(exposure).State = EntityState.Detached;
            }
        }
    }

    public static string UnitOf(Contact contact) => (contact.CompanyId ?? contact.Id).ToString("N");
}
