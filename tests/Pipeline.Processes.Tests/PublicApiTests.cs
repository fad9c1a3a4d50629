using Pipeline.Tests.Shared;

namespace Pipeline.Processes.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void The_public_API_matches_the_snapshot() => PublicApi.VerifyBesideCaller(typeof(ProcessRunner).Assembly);
}
