using Abm.HubSpot;

namespace Abm.Server.Features.Sync;

/// <summary>
/// Pages are read one ahead: while one is written to the database the next is already on its way from HubSpot,
/// so a paged read takes as long as the slower of the two, not their sum. A page read ahead for a read that stopped
/// is never applied, so its cursor was never saved and it is read again next time.
/// </summary>
internal static class ReadAhead
{
    /// <summary>Waits for a page read ahead that will not be applied; its failure belongs to nobody.</summary>
    public static async Task ObserveAsync(Task? fetching)
    {
        if (fetching is null)
        {
            return;
        }

        try
        {
            await fetching;
        }
        catch (Exception error) when (error is OperationCanceledException || HubSpotFailure.Is(error))
        {
            // Never applied: nothing to undo.
        }
    }
}
