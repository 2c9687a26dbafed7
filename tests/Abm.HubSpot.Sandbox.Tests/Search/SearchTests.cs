using System.Net;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Search;

public sealed class SearchTests
{
    private static object Filter(string propertyName, string op, object? value = null, object? highValue = null, string[]? values = null) =>
        new { propertyName, @operator = op, value, highValue, values };

    private static async Task<TestSandbox> WithContactsAsync()
    {
        var sandbox = await TestSandbox.StartAsync(TestSandbox.Options(accounts: 0));
        string[] names = ["alice@alpha.io", "bob@beta.io", "carol@alpha.io", "dave@delta.io"];
        for (var i = 0; i < names.Length; i++)
        {
            var (response, _) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts", new { properties = new { email = names[i], firstname = names[i].Split('@')[0], associatedcompanyid = (i * 10).ToString(System.Globalization.CultureInfo.InvariantCulture), hs_buying_role = i % 2 == 0 ? "CHAMPION;END_USER" : "BLOCKER" } });
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            sandbox.Host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        return sandbox;
    }

    [Theory]
    [InlineData("EQ", "alice", null, 1)]
    [InlineData("NEQ", "alice", null, 3)]
    [InlineData("CONTAINS_TOKEN", "*@alpha.io", null, 2)]
    [InlineData("NOT_CONTAINS_TOKEN", "*@alpha.io", null, 2)]
    [InlineData("HAS_PROPERTY", null, null, 4)]
    public async Task Search_StringOperators_MatchExpectedCount(string op, string? value, string? high, int expected)
    {
        await using var sandbox = await WithContactsAsync();
        var property = op.Contains("TOKEN", StringComparison.Ordinal) ? "email" : "firstname";

        var (_, body) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/search", new { filterGroups = new[] { new { filters = new[] { Filter(property, op, value, high) } } } });

        body!["total"]!.GetValue<int>().ShouldBe(expected);
    }

    [Theory]
    [InlineData("LT", "10", null, 1)]
    [InlineData("LTE", "10", null, 2)]
    [InlineData("GT", "10", null, 2)]
    [InlineData("GTE", "10", null, 3)]
    [InlineData("BETWEEN", "10", "20", 2)]
    public async Task Search_NumericOperators_CompareNumbers(string op, string value, string? high, int expected)
    {
        await using var sandbox = await WithContactsAsync();

        var (_, body) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/search", new { filterGroups = new[] { new { filters = new[] { Filter("associatedcompanyid", op, value, high) } } } });

        body!["total"]!.GetValue<int>().ShouldBe(expected);
    }

    [Fact]
    public async Task Search_InAndNotInOnMultiSelect_MatchAnyOption()
    {
        await using var sandbox = await WithContactsAsync();

        var (_, matching) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/search", new { filterGroups = new[] { new { filters = new[] { Filter("hs_buying_role", "IN", values: ["END_USER"]) } } } });
        var (_, other) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/search", new { filterGroups = new[] { new { filters = new[] { Filter("hs_buying_role", "NOT_IN", values: ["END_USER"]) } } } });

        matching!["total"]!.GetValue<int>().ShouldBe(2);
        other!["total"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task Search_ModifiedSinceSortedAscending_ReturnsIncrementalWindow()
    {
        await using var sandbox = await WithContactsAsync();
        var since = TestSandbox.Start.AddMinutes(1).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = new
        {
            filterGroups = new[] { new { filters = new[] { Filter("lastmodifieddate", "GTE", since) } } },
            sorts = new[] { new { propertyName = "lastmodifieddate", direction = "DESCENDING" } },
            properties = new[] { "email" },
            limit = 2,
        };

        var (_, first) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/search", body);

        first!["total"]!.GetValue<int>().ShouldBe(3);
        first["results"]!.AsArray().Select(r => r!["properties"]!["email"]!.GetValue<string>()).ShouldBe(["dave@delta.io", "carol@alpha.io"]);
        first["paging"]!["next"]!["after"]!.GetValue<string>().ShouldBe("2");
    }

    [Fact]
    public async Task Search_OrAcrossGroups_UnionsMatches()
    {
        await using var sandbox = await WithContactsAsync();
        var body = new { filterGroups = new[] { new { filters = new[] { Filter("firstname", "EQ", "alice") } }, new { filters = new[] { Filter("firstname", "EQ", "dave") } } } };

        var (_, result) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/search", body);

        result!["total"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task Search_TextQuery_MatchesWordPrefix()
    {
        await using var sandbox = await WithContactsAsync();

        var (_, result) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/search", new { query = "car" });

        result!["total"]!.GetValue<int>().ShouldBe(1);
    }

    [Theory]
    [InlineData(6, 1, 0, 10)]
    [InlineData(1, 7, 0, 10)]
    [InlineData(4, 5, 0, 10)]
    [InlineData(1, 1, 2, 10)]
    [InlineData(1, 1, 0, 201)]
    public async Task Search_OverLimits_Returns400(int groups, int filtersPerGroup, int sorts, int limit)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var body = new
        {
            filterGroups = Enumerable.Range(0, groups).Select(_ => new { filters = Enumerable.Range(0, filtersPerGroup).Select(_ => Filter("email", "HAS_PROPERTY")) }),
            sorts = Enumerable.Range(0, sorts).Select(_ => new { propertyName = "email", direction = "ASCENDING" }),
            limit,
        };

        var (response, result) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/search", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        result!["category"]!.GetValue<string>().ShouldBe("VALIDATION_ERROR");
    }

    [Fact]
    public async Task Search_PagingPast10000_Returns400()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (response, _) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/search", new { after = "10000", limit = 10 });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Search_SixthCallInOneSecond_Returns429SecondlyWithoutHeaders()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            var (ok, _) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/search", new { limit = 1 });
            ok.StatusCode.ShouldBe(HttpStatusCode.OK);
            ok.Headers.Contains("X-HubSpot-RateLimit-Max").ShouldBeFalse();
        }

        var (response, body) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/search", new { limit = 1 });
        sandbox.Host.Clock.Advance(TimeSpan.FromSeconds(1));
        var (again, _) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/search", new { limit = 1 });

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        body!["message"]!.GetValue<string>().ShouldBe("You have reached your secondly limit.");
        response.Headers.Contains("X-HubSpot-RateLimit-Remaining").ShouldBeFalse();
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Search_WithVisibilityDelay_SeesNewRecordOnlyAfterDelay()
    {
        await using var sandbox = await TestSandbox.StartAsync(TestSandbox.Options(accounts: 0) with { SearchVisibilityDelay = TimeSpan.FromSeconds(3) });
        await sandbox.CreateContactAsync("late@example.com");
        var body = new { filterGroups = new[] { new { filters = new[] { Filter("email", "EQ", "late@example.com") } } } };

        var (_, before) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/search", body);
        sandbox.Host.Clock.Advance(TimeSpan.FromSeconds(3));
        var (_, after) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/search", body);

        before!["total"]!.GetValue<int>().ShouldBe(0);
        after!["total"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Search_DuringVisibilityDelay_ServesPreviousValues()
    {
        await using var sandbox = await TestSandbox.StartAsync(TestSandbox.Options(accounts: 0) with { SearchVisibilityDelay = TimeSpan.FromSeconds(2) });
        var contact = await sandbox.CreateContactAsync("stale@example.com", "Old");
        sandbox.Host.Clock.Advance(TimeSpan.FromSeconds(2));
        await sandbox.SendAsync(HttpMethod.Patch, $"/crm/v3/objects/contacts/{contact["id"]}", new { properties = new { firstname = "New" } });

        var (_, body) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/search", new { properties = new List<string> { "firstname" } });

        body!["results"]![0]!["properties"]!["firstname"]!.GetValue<string>().ShouldBe("Old");
    }
}
