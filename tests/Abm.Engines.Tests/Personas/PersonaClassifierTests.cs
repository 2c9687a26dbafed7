using Abm.Engines.Personas;

namespace Abm.Engines.Tests.Personas;

public class PersonaClassifierTests
{
    private const Persona Exec = Persona.CSuiteExecutive;
    private const Persona Tech = Persona.TechnicalDirector;
    private const Persona Ops = Persona.OperationsManager;
    private const Persona Fin = Persona.FinancialDecisionMaker;
    private const Persona None = Persona.Unknown;

    /// <summary>Job titles as they appear in real CRM records, with the persona a marketer would give them.</summary>
    public static TheoryData<string, Persona> RealWorldTitles => new()
    {
        // Executives
        { "Chief Executive Officer", Exec },
        { "CEO", Exec },
        { "C.E.O.", Exec },
        { "President & CEO", Exec },
        { "Founder", Exec },
        { "Co-Founder & CEO", Exec },
        { "Cofounder", Exec },
        { "Owner", Exec },
        { "Business Owner", Exec },
        { "Managing Director", Exec },
        { "MD, EMEA", Exec },
        { "Chairman of the Board", Exec },
        { "Executive Director", Exec },
        { "General Manager", Exec },
        { "Chief Operating Officer", Exec },
        { "COO", Exec },
        { "Chief Revenue Officer", Exec },
        { "Chief Marketing Officer", Exec },
        { "Chief Product Officer", Exec },
        { "Chief Strategy Officer", Exec },
        { "Chief People Officer", Exec },
        { "Managing Partner", Exec },
        { "President", Exec },
        { "Owner/Operator", Exec },
        { "Board Member", Exec },
        // Technical
        { "Chief Technology Officer", Tech },
        { "CTO", Tech },
        { "Chief Information Officer", Tech },
        { "CIO", Tech },
        { "Chief Information Security Officer", Tech },
        { "CISO", Tech },
        { "Chief Data Officer", Tech },
        { "Chief Digital Officer", Tech },
        { "VP of Engineering", Tech },
        { "Vice President, Engineering", Tech },
        { "Director of Engineering", Tech },
        { "Engineering Manager", Tech },
        { "Head of IT", Tech },
        { "IT Director", Tech },
        { "IT Manager", Tech },
        { "Director of Information Technology", Tech },
        { "Senior Software Engineer", Tech },
        { "Software Developer", Tech },
        { "Full Stack Developer", Tech },
        { "Solutions Architect", Tech },
        { "Enterprise Architect", Tech },
        { "DevOps Engineer", Tech },
        { "Site Reliability Engineer", Tech },
        { "Head of Infrastructure", Tech },
        { "Network Administrator", Tech },
        { "Systems Administrator", Tech },
        { "Database Administrator", Tech },
        { "Data Scientist", Tech },
        { "Director of Data & Analytics", Tech },
        { "Business Intelligence Manager", Tech },
        { "Cloud Architect", Tech },
        { "Security Analyst", Tech },
        { "Head of Cybersecurity", Tech },
        { "IT Operations Manager", Tech },
        { "QA Lead", Tech },
        { "Technical Lead", Tech },
        { "VP, R&D", Tech },
        { "Product Owner", Tech },
        { "Help Desk Technician", Tech },
        { "Manufacturing Engineer", Tech },
        // Operations
        { "Operations Manager", Ops },
        { "Director of Operations", Ops },
        { "VP Operations", Ops },
        { "Vice President of Operations", Ops },
        { "Head of Operations", Ops },
        { "Business Operations Manager", Ops },
        { "Revenue Operations Manager", Ops },
        { "Sales Operations Analyst", Ops },
        { "Supply Chain Manager", Ops },
        { "Director, Supply Chain", Ops },
        { "Logistics Coordinator", Ops },
        { "Plant Manager", Ops },
        { "Production Supervisor", Ops },
        { "Warehouse Manager", Ops },
        { "Facilities Manager", Ops },
        { "Fulfillment Center Manager", Ops },
        { "Quality Manager", Ops },
        { "Continuous Improvement Manager", Ops },
        { "Project Manager", Ops },
        { "Program Manager", Ops },
        { "Office Manager", Ops },
        { "Service Delivery Manager", Ops },
        { "Fleet Manager", Ops },
        { "Maintenance Supervisor", Ops },
        { "Inventory Control Specialist", Ops },
        { "Transportation Manager", Ops },
        { "Ops Mgr", Ops },
        // Finance
        { "Chief Financial Officer", Fin },
        { "CFO", Fin },
        { "VP Finance", Fin },
        { "Finance Director", Fin },
        { "Director of Finance", Fin },
        { "Head of Finance", Fin },
        { "Financial Controller", Fin },
        { "Controller", Fin },
        { "Corporate Controller", Fin },
        { "Treasurer", Fin },
        { "FP&A Manager", Fin },
        { "Senior Financial Analyst", Fin },
        { "Accounting Manager", Fin },
        { "Staff Accountant", Fin },
        { "Accounts Payable Specialist", Fin },
        { "Procurement Manager", Fin },
        { "Head of Procurement", Fin },
        { "Purchasing Manager", Fin },
        { "Senior Buyer", Fin },
        { "Strategic Sourcing Manager", Fin },
        { "Payroll Manager", Fin },
        { "Tax Director", Fin },
        { "Internal Audit Manager", Fin },
        { "Assistant Controller", Fin },
        { "VP of Finance and Operations", Fin },
        // No usable signal
        { "Marketing Manager", None },
        { "VP Sales", None },
        { "Account Executive", None },
        { "Sales Development Representative", None },
        { "Business Development Manager", None },
        { "HR Manager", None },
        { "Recruiter", None },
        { "General Counsel", None },
        { "Consultant", None },
        { "Executive Assistant to the CEO", None },
        { "Marketing Intern", None },
        { "Student", None },
        { "Customer Success Manager", None },
        { "Director", None },
        { "Vice President", None },
        { "Teacher", None },
    };

    [Theory]
    [MemberData(nameof(RealWorldTitles))]
    public void Classify_RealWorldTitle_ExpectedPersona(string title, Persona expected)
    {
        PersonaClassifier.Classify(title).ShouldBe(expected);
    }

    [Fact]
    public void RealWorldTitles_Table_HasAtLeastHundredDistinctTitles()
    {
        RealWorldTitles.Select(row => (string)row[0]).Distinct().Count().ShouldBeGreaterThanOrEqualTo(100);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("--")]
    public void Classify_BlankTitle_Unknown(string? title)
    {
        PersonaClassifier.Classify(title).ShouldBe(Persona.Unknown);
    }

    [Fact]
    public void Classify_ShortWordInsideLongerWord_DoesNotMatch()
    {
        // "community" contains "it" and "unit"; only whole words may match a rule.
        PersonaClassifier.Classify("Community Outreach Lead").ShouldBe(Persona.Unknown);
    }
}
