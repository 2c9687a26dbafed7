namespace Abm.HubSpot.Sandbox.Crm;

/// <summary>
/// Told about every change to a stored record, whoever makes it, so that structures derived from records
/// (the search indexes) never go stale and the data file knows which records to save. Called under the portal's lock.
/// </summary>
internal interface IRecordObserver
{
    void PropertyChanged(CrmRecord record, string name, string? previous, string? current);

    void ArchivedChanged(CrmRecord record);

    void SearchVisibilityChanged(CrmRecord record);

    /// <summary>The update or archive time or the search snapshot changed: nothing search indexes, but data all the same.</summary>
    void StampsChanged(CrmRecord record);
}
