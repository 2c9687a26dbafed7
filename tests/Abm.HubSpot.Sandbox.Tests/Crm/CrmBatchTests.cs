using System.Net;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Crm;

public sealed class CrmBatchTests
{
    [Fact]
    public async Task BatchCreate_OneDuplicateEmail_Returns207WithOtherRecordsCreated()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await sandbox.CreateContactAsync("taken@example.com");
        var inputs = new List<string> { "new1@example.com", "taken@example.com", "new2@example.com" }
            .Select(email => new { properties = new { email } });

        var (response, body) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/batch/create", new { inputs });

        response.StatusCode.ShouldBe((HttpStatusCode)207);
        body!["status"]!.GetValue<string>().ShouldBe("COMPLETE");
        body["results"]!.AsArray().Count.ShouldBe(2);
        body["numErrors"]!.GetValue<int>().ShouldBe(1);
        var error = body["errors"]![0]!;
        error["status"]!.GetValue<string>().ShouldBe("error");
        error["category"]!.GetValue<string>().ShouldBe("CONFLICT");
        error["context"].ShouldNotBeNull();
        body["startedAt"].ShouldNotBeNull();
        body["completedAt"].ShouldNotBeNull();
    }

    [Fact]
    public async Task BatchCreate_AllValid_Returns201()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var inputs = Enumerable.Range(0, 100).Select(i => new { properties = new { email = $"bulk{i}@example.com" } });

        var (response, body) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/batch/create", new { inputs });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        body!["results"]!.AsArray().Count.ShouldBe(100);
    }

    [Fact]
    public async Task BatchCreate_101Inputs_Returns400()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var inputs = Enumerable.Range(0, 101).Select(i => new { properties = new { email = $"bulk{i}@example.com" } });

        var (response, body) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/batch/create", new { inputs });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body!["category"]!.GetValue<string>().ShouldBe("VALIDATION_ERROR");
    }

    [Fact]
    public async Task BatchRead_SomeIdsMissing_Returns207WithMissingIdsInContext()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var contact = await sandbox.CreateContactAsync("present@example.com");
        var inputs = new[] { new { id = contact["id"]!.GetValue<string>() }, new { id = "424242" } };

        var (response, body) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/batch/read", new { inputs, properties = new List<string> { "email" } });

        response.StatusCode.ShouldBe((HttpStatusCode)207);
        body!["results"]![0]!["properties"]!["email"]!.GetValue<string>().ShouldBe("present@example.com");
        body["errors"]![0]!["category"]!.GetValue<string>().ShouldBe("OBJECT_NOT_FOUND");
        body["errors"]![0]!["context"]!["ids"]![0]!.GetValue<string>().ShouldBe("424242");
    }

    [Fact]
    public async Task BatchUpdate_InvalidValue_Returns400ForWholeBatch()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var contact = await sandbox.CreateContactAsync("upd@example.com");
        var inputs = new[] { new { id = contact["id"]!.GetValue<string>(), properties = new { lifecyclestage = "nonsense" } } };

        var (response, _) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/batch/update", new { inputs });
        var (_, after) = await sandbox.SendAsync(HttpMethod.Get, $"/crm/v3/objects/contacts/{contact["id"]}?properties=lifecyclestage");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        after!["properties"]!["lifecyclestage"].ShouldBeNull();
    }

    [Fact]
    public async Task BatchUpsert_ByEmail_UpdatesExistingAndCreatesNew()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var existing = await sandbox.CreateContactAsync("known@example.com");
        var inputs = new[]
        {
            new { id = "known@example.com", idProperty = "email", properties = new { jobtitle = "CTO" } },
            new { id = "fresh@example.com", idProperty = "email", properties = new { jobtitle = "CFO" } },
        };

        var (response, body) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/batch/upsert", new { inputs });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var results = body!["results"]!.AsArray();
        results.Single(r => r!["id"]!.GetValue<string>() == existing["id"]!.GetValue<string>())!["new"]!.GetValue<bool>().ShouldBeFalse();
        results.Single(r => r!["properties"]!["email"]?.GetValue<string>() == "fresh@example.com")!["new"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task BatchArchive_ExistingAndMissingIds_Returns204AndArchives()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var contact = await sandbox.CreateContactAsync("bye@example.com");
        var inputs = new[] { new { id = contact["id"]!.GetValue<string>() }, new { id = "999999" } };

        var (response, _) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/batch/archive", new { inputs });
        var (get, _) = await sandbox.SendAsync(HttpMethod.Get, $"/crm/v3/objects/contacts/{contact["id"]}");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
