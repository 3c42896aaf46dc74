using NotifyHub.Testing;

namespace NotifyHub.Host.Tests.Boundaries;

/// <summary>Handlers name the kind of failure; only <c>ProblemKinds</c> turns a kind into an HTTP status.</summary>
public sealed class One_error_vocabulary
{
    // The mapping itself, and the handler that reads the status Kestrel gave an unreadable body.
    private static readonly string[] Allowed = ["ProblemKinds.cs", "ProblemExceptionHandler.cs"];

    [Fact]
    public void No_endpoint_or_handler_chooses_an_error_status_itself()
    {
        var sources = new[] { "services", "shared" }
            .SelectMany(root => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, root), "*.cs", SearchOption.AllDirectories))
            .Where(f => !IsUnder(f, "obj") && !IsUnder(f, "bin") && !IsUnder(f, "Pages") && !Allowed.Contains(Path.GetFileName(f)))
            .ToList();
        sources.Count.ShouldBeGreaterThan(100);

        var found = sources.SelectMany(f => ErrorVocabularyScan.StatusesChosenByHand(File.ReadAllText(f))
            .Select(hit => $"{Path.GetRelativePath(RepositoryPaths.Root, f)}: {hit}"));

        found.ShouldBeEmpty("name a ProblemKind (ProblemException.NotFound, .Conflict, .Invalid, ...) instead");
    }

    [Fact]
    public void A_handler_that_picks_its_own_status_is_caught()
    {
        const string source = """
            throw new ProblemException(409, "busy", "Busy");
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad");
            return TypedResults.Problem("x", statusCode: 401);
            throw ProblemException.Conflict("busy", "The campaign is running.");
            return TypedResults.NoContent();
            """;

        ErrorVocabularyScan.StatusesChosenByHand(source).ShouldBe(
            ["new ProblemException(4", "Results.Problem(", "StatusCodes.Status400BadRequest", "TypedResults.Problem("]);
    }

    private static bool IsUnder(string file, string folder) =>
        file.Contains($"{Path.DirectorySeparatorChar}{folder}{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
}
