namespace Abm.Engines.Journey;

/// <summary>HubSpot's default sales pipeline stages; wire names are HubSpot's ids (<c>closedwon</c>).</summary>
public enum DealStage
{
    /// <summary><c>appointmentscheduled</c>.</summary>
    AppointmentScheduled,

    /// <summary><c>qualifiedtobuy</c>.</summary>
    QualifiedToBuy,

    /// <summary><c>presentationscheduled</c>.</summary>
    PresentationScheduled,

    /// <summary><c>decisionmakerboughtin</c>.</summary>
    DecisionMakerBoughtIn,

    /// <summary><c>contractsent</c>.</summary>
    ContractSent,

    /// <summary><c>closedwon</c>.</summary>
    ClosedWon,

    /// <summary><c>closedlost</c>.</summary>
    ClosedLost,
}
