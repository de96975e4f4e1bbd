using System.Globalization;
using ServerlessSync.Domain.Mapping;
using ServerlessSync.Pipeline.Audit;
using ServerlessSync.Pipeline.Profiles;

namespace ServerlessSync.Pipeline.Mapping;

/// <summary>A save from the workbench: the whole profile and why it changed.</summary>
public sealed record SaveVersionRequest(JsonElement? Profile, string? Comment);

/// <summary>A restore: why the older version comes back.</summary>
public sealed record RestoreVersionRequest(string? Comment);

/// <summary>
/// The workbench's versions of a shop's profile: <c>POST .../versions</c> saves a new version with a required comment;
/// <c>GET .../versions</c> lists every version newest first with who, when, the comment and the fields that changed;
/// <c>GET .../versions/{n}</c> reads one; <c>POST .../versions/{n}/restore</c> saves version n's content again as a new
/// version, so history only grows and the restore is audited like any change.
/// </summary>
public sealed class MappingVersionsApi(ProfileStore store, ProfileApi profiles)
{
    public const int MaxCommentLength = 500;

    public async Task<AdminOutcome> SaveAsync(string platform, string shopId, string body, string changedBy, CancellationToken cancellationToken)
    {
        var (request, unreadable) = RequestJson.Read<SaveVersionRequest>(body);
        if (request is null)
        {
            return Refused(unreadable!);
        }

        if (CommentProblem(request.Comment) is { } problem)
        {
            return Refused(problem);
        }

        if (request.Profile is not { ValueKind: JsonValueKind.Object } json)
        {
            return Refused(HttpReply.Error(400, "give the profile in \"profile\""));
        }

        var (profile, invalid) = ProfileApi.ParseProfile(json.GetRawText(), platform, shopId);
        return profile is null ? Refused(invalid!) : await profiles.SaveAsync(profile, changedBy, request.Comment!.Trim(), cancellationToken);
    }

    public async Task<HttpReply> HistoryAsync(string platform, string shopId, CancellationToken cancellationToken)
    {
        var versions = await store.ListVersionsAsync(platform, shopId, cancellationToken);
        var listed = versions.Select((v, i) => new
        {
            version = v.Profile.Version,
            changedBy = v.ChangedBy,
            changedAt = v.ChangedAt,
            comment = v.Comment,
            summary = v.Summary,
            changes = i == 0 ? [] : ProfileDiff.Between(versions[i - 1].Profile, v.Profile), // the first version is all new: its summary says "created"
        }).Reverse().ToList();
        return HttpReply.JsonBody(200, new { platform, shopId, versions = listed });
    }

    public async Task<HttpReply> GetAsync(string platform, string shopId, string version, CancellationToken cancellationToken)
    {
        if (!TryVersion(version, out var number))
        {
            return HttpReply.Error(400, "the version must be a whole number from 1");
        }

        return await store.GetVersionAsync(platform, shopId, number, cancellationToken) is { } stored
            ? new HttpReply(200, JsonSerializer.Serialize(stored.Profile, ProfileStore.Json))
            : HttpReply.Error(404, $"{platform}:{shopId} has no version {number}");
    }

    public async Task<AdminOutcome> RestoreAsync(string platform, string shopId, string version, string body, string changedBy, CancellationToken cancellationToken)
    {
        if (!TryVersion(version, out var number))
        {
            return Refused(HttpReply.Error(400, "the version must be a whole number from 1"));
        }

        var (request, unreadable) = RequestJson.Read<RestoreVersionRequest>(body);
        if (request is null)
        {
            return Refused(unreadable!);
        }

        if (CommentProblem(request.Comment) is { } problem)
        {
            return Refused(problem);
        }

        if (await store.GetVersionAsync(platform, shopId, number, cancellationToken) is not { } stored)
        {
            return Refused(HttpReply.Error(404, $"{platform}:{shopId} has no version {number}"));
        }

        var errors = ProfileValidator.Validate(stored.Profile);
        if (errors.Count > 0)
        {
            return Refused(HttpReply.JsonBody(400, new { error = $"version {number} does not pass today's validation; edit it and save instead", errors }));
        }

        return await profiles.SaveAsync(stored.Profile, changedBy, $"restore v{number}: {request.Comment!.Trim()}", cancellationToken);
    }

    private static bool TryVersion(string text, out int version) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version >= 1;

    private static HttpReply? CommentProblem(string? comment) =>
        string.IsNullOrWhiteSpace(comment) ? HttpReply.Error(400, "a comment is required: say what changed and why (\"comment\")")
        : comment.Length > MaxCommentLength ? HttpReply.Error(400, $"the comment is longer than {MaxCommentLength} characters")
        : null;

    private static AdminOutcome Refused(HttpReply reply) => new(reply, "nothing (the change was refused)");
}
