using Pipeline.Tests.Shared;

namespace Pipeline.Processes.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void The_public_API_matches_the_snapshot() => PublicApi.VerifyBesideCaller(typeof(ProcessRunner).Assembly);

    [Fact]
    public void A_changed_API_fails_with_the_command_that_regenerates_the_snapshot()
    {
        var folder = Directory.CreateTempSubdirectory("Pipeline.Processes.Tests-");
        try
        {
            var snapshot = Path.Combine(folder.FullName, "PublicApi.txt");
            File.WriteAllText(snapshot, PublicApi.Describe(typeof(ProcessRunner).Assembly).Replace("string? logPath", "string logPath", StringComparison.Ordinal));

            var act = () => PublicApi.Verify(typeof(ProcessRunner).Assembly, snapshot, rewrite: false);

            act.Should().Throw<InvalidOperationException>().Which.Message.Should()
                .Contain($"UPDATE_PUBLIC_API=1 dotnet test tests/{folder.Name} --filter PublicApi")
                .And.Contain("Added:\n  ").And.Contain("string? logPath = null")
                .And.Contain("Removed:\n  ").And.Contain("string logPath = null");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_snapshot_carries_nullability_and_records()
    {
        var api = PublicApi.Describe(typeof(ProcessRunner).Assembly);

        api.Should().Contain("public sealed record ProcessRequest")
            .And.Contain("public int? ExitCode { get; }")
            .And.Contain("System.Collections.Generic.IReadOnlyDictionary<string, string?> Environment { get; init; }");
    }
}
