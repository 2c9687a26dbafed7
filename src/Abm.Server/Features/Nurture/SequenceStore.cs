using System.Security.Claims;
using System.Text.Json;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines.Nurture;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Nurture;

/// <summary>Saves sequences: every save of a document is a new version, kept beside the sequence's current one.</summary>
internal sealed class SequenceStore(AbmDbContext database, AuditTrail audit, TimeProvider clock)
{
    /// <summary>A new draft sequence from a template that ships with the product.</summary>
    public Task<NurtureSequence> CreateFromTemplateAsync(SequenceTemplate template, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        CreateAsync(SequenceDocumentReader.Read(template.Document).Definition!, template.Document, user, cancellationToken);

    public async Task<NurtureSequence> CreateAsync(SequenceDefinition definition, JsonElement document, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sequence = new NurtureSequence
        {
            Id = Guid.CreateVersion7(), WorkspaceId = user.WorkspaceId(), Key = await FreeKeyAsync(definition.Name, cancellationToken), Name = definition.Name,
            Description = definition.Description, Definition = document.GetRawText(), Status = "draft", Version = 1, CreatedAt = now, UpdatedAt = now,
        };
        database.NurtureSequences.Add(sequence);
        AddVersion(sequence, user, now);
        audit.Record(sequence.WorkspaceId, user, "nurture.sequence.created", "nurture_sequence", sequence.Id.ToString(), new { sequence.Name });
        await database.SaveChangesAsync(cancellationToken);
        return sequence;
    }

    public async Task ReplaceAsync(NurtureSequence sequence, SequenceDefinition definition, JsonElement document, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        sequence.Name = definition.Name;
        sequence.Description = definition.Description;
        sequence.Definition = document.GetRawText();
        sequence.Version++;
        sequence.UpdatedAt = now;
        AddVersion(sequence, user, now);
        audit.Record(sequence.WorkspaceId, user, "nurture.sequence.versioned", "nurture_sequence", sequence.Id.ToString(), new { sequence.Version });
        await database.SaveChangesAsync(cancellationToken);
    }

    private void AddVersion(NurtureSequence sequence, ClaimsPrincipal user, DateTime now) =>
        database.NurtureSequenceVersions.Add(new NurtureSequenceVersion
        {
            Id = Guid.CreateVersion7(), WorkspaceId = sequence.WorkspaceId, SequenceId = sequence.Id, Version = sequence.Version,
            Definition = sequence.Definition, CreatedAt = now, CreatedBy = user.Actor(),
        });

    /// <summary>A key made from the name (lowercase words joined by '-'), numbered when the workspace already uses it.</summary>
    private async Task<string> FreeKeyAsync(string name, CancellationToken cancellationToken)
    {
        var words = new string([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var stem = words.Length == 0 ? "sequence" : string.Join('-', words);
        stem = stem[..Math.Min(stem.Length, 90)];
        var taken = await database.NurtureSequences.Where(s => s.Key == stem || s.Key.StartsWith(stem + "-")).Select(s => s.Key).ToListAsync(cancellationToken);
        var key = stem;
        for (var n = 2; taken.Contains(key); n++)
        {
            key = $"{stem}-{n}";
        }

        return key;
    }
}
