namespace Abm.Engines.Personas;

/// <summary>Buyer personas content is written for; wire names are snake_case.</summary>
public enum Persona
{
    /// <summary><c>unknown</c>: the title gives no usable signal.</summary>
    Unknown,

    /// <summary><c>c_suite_executive</c>: general management (CEO, COO, president, founder, managing director).</summary>
    CSuiteExecutive,

    /// <summary><c>technical_director</c>: IT, engineering, security, data, architecture.</summary>
    TechnicalDirector,

    /// <summary><c>operations_manager</c>: operations, supply chain, facilities, delivery.</summary>
    OperationsManager,

    /// <summary><c>financial_decision_maker</c>: finance, accounting, procurement.</summary>
    FinancialDecisionMaker,
}
