using Abm.Data;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Abm.Server.Features.Connections;
using Abm.Server.Features.Live;
using Abm.Server.Features.Nurture.Enrollments;

namespace Abm.Server.Dashboard;

/// <summary>
/// Enrolment from a page, through the enrolment route's own handler (its rules, outcomes, audit and live notice), for
/// a user allowed to enrol. The answer, or the sentence to show instead.
/// </summary>
internal static class DashboardEnrolment
{
    public static async Task<(EnrollResponse? Response, string? Problem)> EnrolAsync(DashboardData data, EnrollRequest request)
    {
        var enrolled = await data.ActAsync<IServiceProvider, IResult>(AccessPolicies.Marketing, async (services, user) =>
            (await EnrollmentHandlers.EnrollAsync(request, user, services.GetRequiredService<AbmDbContext>(), services.GetRequiredService<EnrollmentService>(),
                services.GetRequiredService<HubSpotClients>(), services.GetRequiredService<AuditTrail>(), services.GetRequiredService<LiveHub>(), CancellationToken.None)).Result);
        var answer = enrolled.Value is { } value ? ApiAnswers.Of<EnrollResponse>(value) : null;
        return (answer?.Value, enrolled.Problem ?? answer?.Problem);
    }
}
