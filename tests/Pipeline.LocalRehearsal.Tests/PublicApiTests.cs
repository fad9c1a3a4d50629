using Pipeline.Tests.Shared;

namespace Pipeline.LocalRehearsal.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void The_public_API_matches_the_snapshot() => PublicApi.VerifyBesideCaller(typeof(LocalRehearsalInfrastructure).Assembly);
}
