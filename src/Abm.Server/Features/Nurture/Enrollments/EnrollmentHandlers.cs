using System.Security.Claims;
using Abm.Data;
using Abm.HubSpot;
using Abm.Server.Errors;
using Abm.Server.Features.Audit;
using Abm.Server.Features.Connections;
using Abm.Server.Features.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Nurture.Enrollments;

/// <summary>Enrol (one, many, a segment, a HubSpot list, a filter), unenrol, list enrolments, and a contact's nurture timeline.</summary>
internal static class EnrollmentHandlers
{
    public const int MaxContactIds = 10_000;
    private const int MaxTimeline = 500;

    public static async Task<Results<Ok<EnrollResponse>, ValidationProblem, ProblemHttpResult>> EnrollAsync(
        EnrollRequest request, ClaimsPrincipal user, AbmDbContext database, EnrollmentService enrollments, HubSpotClients clients, AuditTrail audit,
        LiveHub live, CancellationToken cancellationToken)
    {
        var selectors = new object?[] { request.ContactId, request.ContactIds, request.Segment, request.Filter, request.ListId }.Count(s => s is not null);
        if (selectors != 1)
        {
            return Invalid("contactId", "give exactly one of contactId, contactIds, segment, listId or filter.");
        }

        if (request.ListId is { } listId && !ContactSelection.IsHubSpotListId(listId))
        {
            return Invalid("listId", "must be a HubSpot list id (1 to 20 digits).");
        }

        if (request.ContactIds is { Count: 0 or > MaxContactIds })
        {
            return Invalid("contactIds", $"must list from 1 to {MaxContactIds} contact ids.");
        }

        if (request.Segment is { } segment && string.IsNullOrWhiteSpace(segment))
        {
            return Invalid("segment", "must name a segment.");
        }

        if (request.Filter is { } filter && ContactSelection.Problem(filter) is { } problem)
        {
            return Invalid(problem.Field, problem.Message);
        }

        if (await SequenceHandlers.FindAsync(database, request.SequenceId, cancellationToken) is not { } sequence)
        {
            return SequenceHandlers.NotFound(request.SequenceId);
        }

        if (sequence.Status != "active")
        {
            return ApiProblems.Conflict("Sequence is not active", $"The sequence is {sequence.Status}; activate it before enrolling contacts.");
        }

        List<Guid> ids;
        string by;
        if (request.ListId is { } list)
        {
            var (members, refused) = await HubSpotListMembersAsync(database, clients, sequence.WorkspaceId, list, cancellationToken);
            if (refused is not null)
            {
                return refused;
            }

            (ids, by) = (members!, $"bulk:list:{list}");
        }
        else
        {
            (ids, by) = request switch
            {
                { ContactId: { } one } => ([one], "manual"),
                { ContactIds: { } many } => (many.ToList(), "manual"),
                { Segment: { } name } => (await ContactSelection.InSegmentAsync(database, name.Trim(), cancellationToken), $"bulk:segment:{name.Trim()}"),
                _ => (await ContactSelection.MatchingAsync(database, request.Filter!, cancellationToken), "bulk:filter"),
            };
        }

        var response = await enrollments.EnrollAsync(sequence, ids, by, cancellationToken);
        audit.Record(sequence.WorkspaceId, user, "nurture.enrolled", "nurture_sequence", sequence.Id.ToString(), new { by, response.Enrolled, response.NotEnrolled });
        await database.SaveChangesAsync(cancellationToken);
        live.Publish(sequence.WorkspaceId, LiveKinds.Nurture);
        return TypedResults.Ok(response);
    }

    /// <summary>The list's synced members, or the problem that kept HubSpot from answering (no connection, no such list, HubSpot failing).</summary>
    private static async Task<(List<Guid>? Members, ProblemHttpResult? Problem)> HubSpotListMembersAsync(
        AbmDbContext database, HubSpotClients clients, Guid workspaceId, string listId, CancellationToken cancellationToken)
    {
        if (await clients.GetAsync(workspaceId, cancellationToken) is not { } client)
        {
            return (null, ApiProblems.Conflict("No HubSpot connection", "Connect a HubSpot portal before enrolling the members of one of its lists."));
        }

        try
        {
            return (await ContactSelection.InHubSpotListAsync(database, client, listId, cancellationToken), null);
        }
        catch (HubSpotApiException error) when (error.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return (null, ApiProblems.NotFound("HubSpot list not found", $"The connected portal has no list {listId}."));
        }
        catch (Exception error) when (HubSpotFailure.Is(error))
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "HubSpot did not answer", detail: $"Reading the members of list {listId} failed: {error.Message}"));
        }
    }

    public static async Task<Results<Ok<EnrollmentResponse>, ProblemHttpResult>> UnenrollAsync(
        Guid id, ClaimsPrincipal user, AbmDbContext database, AuditTrail audit, LiveHub live, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await database.NurtureEnrollments.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } enrollment)
        {
            return ApiProblems.NotFound("Enrolment not found", $"No nurture enrolment {id} in this workspace.");
        }

        if (enrollment.Status != EnrollmentStatus.Active)
        {
            return ApiProblems.Conflict("Enrolment already ended", $"The enrolment is {enrollment.Status}.");
        }

        enrollment.Status = EnrollmentStatus.Exited;
        enrollment.ExitReason = "unenrolled";
        enrollment.CompletedAt = clock.GetUtcNow().UtcDateTime;
        enrollment.NextActionDue = null;
        audit.Record(enrollment.WorkspaceId, user, "nurture.unenrolled", "nurture_enrollment", enrollment.Id.ToString());
        await database.SaveChangesAsync(cancellationToken);
        live.Publish(enrollment.WorkspaceId, LiveKinds.Nurture);
        return TypedResults.Ok(EnrollmentResponse.From(enrollment));
    }

    public static async Task<Results<Ok<EnrollmentPage>, ValidationProblem>> ListAsync(
        Guid? sequenceId, string? status, Guid? contactId, int? limit, int? offset, AbmDbContext database, CancellationToken cancellationToken)
    {
        var (take, skip) = (limit ?? 100, offset ?? 0);
        if (take is < 1 or > 1000)
        {
            return Invalid("limit", "must be from 1 to 1000.");
        }

        if (skip < 0)
        {
            return Invalid("offset", "must be 0 or more.");
        }

        if (status is not null && status is not (EnrollmentStatus.Active or EnrollmentStatus.Completed or EnrollmentStatus.GoalReached or EnrollmentStatus.Exited))
        {
            return Invalid("status", "must be active, completed, goal_reached or exited.");
        }

        var query = database.NurtureEnrollments.AsNoTracking();
        query = sequenceId is { } sequence ? query.Where(e => e.SequenceId == sequence) : query;
        query = status is not null ? query.Where(e => e.Status == status) : query;
        query = contactId is { } contact ? query.Where(e => e.ContactId == contact) : query;
        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderByDescending(e => e.EnrolledAt).ThenBy(e => e.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return TypedResults.Ok(new EnrollmentPage(page.Select(EnrollmentResponse.From).ToList(), total, take, skip));
    }

    public static async Task<Results<Ok<ContactNurtureResponse>, ProblemHttpResult>> ContactAsync(Guid id, AbmDbContext database, CancellationToken cancellationToken)
    {
        if (!await database.Contacts.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return ApiProblems.NotFound("Contact not found", $"No contact {id} in this workspace.");
        }

        var enrollments = await database.NurtureEnrollments.AsNoTracking().Where(e => e.ContactId == id).OrderByDescending(e => e.EnrolledAt).ToListAsync(cancellationToken);
        var actions = await database.NurtureActions.AsNoTracking().Where(a => a.ContactId == id).OrderByDescending(a => a.CreatedAt).Take(MaxTimeline).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ContactNurtureResponse(id, enrollments.Select(EnrollmentResponse.From).ToList(), actions.Select(ActionResponse.From).ToList()));
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
