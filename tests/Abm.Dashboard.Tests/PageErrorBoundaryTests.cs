using Abm.Server.Dashboard.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Dashboard.Tests;

/// <summary>The net under every page: a failure becomes a sentence with a reference, never the exception, and leaving the page clears it.</summary>
public sealed class PageErrorBoundaryTests : DashboardComponentContext
{
    [Fact]
    public void Render_PageThrows_ShowsASentenceWithAReferenceAndNoDetails()
    {
        var failing = new FailingPage.Switch { FailuresLeft = 1 };
        var cut = Render<PageErrorBoundary>(p => p.AddChildContent<FailingPage>(c => c.Add(f => f.Failures, failing)));

        var alert = cut.Find("[role=alert]");
        alert.TextContent.ShouldContain("Something went wrong while showing this page");
        alert.TextContent.ShouldContain($"give your administrator the reference {cut.Instance.Reference}");
        cut.Instance.Reference!.Length.ShouldBe(8);
        cut.Markup.ShouldNotContain(FailingPage.Detail);
        cut.Markup.ShouldNotContain(nameof(InvalidOperationException));
        cut.Find("#reload-page").TextContent.ShouldBe("Reload the page");
    }

    [Fact]
    public void Navigate_AfterAFailure_ShowsTheNextPageAgain()
    {
        var failing = new FailingPage.Switch { FailuresLeft = 1 };
        var cut = Render<PageErrorBoundary>(p => p.AddChildContent<FailingPage>(c => c.Add(f => f.Failures, failing)));
        cut.FindAll("[role=alert]").Count.ShouldBe(1);

        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/accounts");

        cut.WaitForAssertion(() => cut.Find("[data-page=ok]").TextContent.ShouldBe("shown"));
        cut.FindAll("[role=alert]").ShouldBeEmpty();
    }

    /// <summary>A page that throws while it renders as many times as told, then renders.</summary>
    private sealed class FailingPage : ComponentBase
    {
        public const string Detail = "connection string Host=secret";

        [Parameter]
        public Switch Failures { get; set; } = new();

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            if (Failures.FailuresLeft-- > 0)
            {
                throw new InvalidOperationException(Detail);
            }

            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "data-page", "ok");
            builder.AddContent(2, "shown");
            builder.CloseElement();
        }

        public sealed class Switch
        {
            public int FailuresLeft { get; set; }
        }
    }
}
