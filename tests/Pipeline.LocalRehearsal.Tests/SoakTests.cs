using Pipeline.LocalRehearsal.Soak;
using Pipeline.Promotion;
using Xunit.Abstractions;

namespace Pipeline.LocalRehearsal.Tests;

/// <summary>The short soak: 10 promoters x 2 rounds per writer, 20% injected faults; every promotion lands exactly once.</summary>
public sealed class SoakTests(ITestOutputHelper output)
{
    public static TheoryData<WriteMethod, bool> Writers => new()
    {
        { WriteMethod.GraphQL, true }, { WriteMethod.GitData, true }, { WriteMethod.Contents, true }, { WriteMethod.Git, true },
        { WriteMethod.GraphQL, false },
    };

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task Every_promotion_of_a_short_soak_with_faults_lands_exactly_once_and_none_is_lost(WriteMethod writer, bool sharedQueue)
    {
        var report = await PromotionSoak.RunAsync(new SoakOptions
        {
            Promoters = 10,
            Rounds = 2,
            GitPromoters = 10,
            GitRounds = 2,
            FaultPercent = 20,
            Writers = [writer],
            SharedQueue = sharedQueue,
        });

        output.WriteLine(report.ToText());
        var run = report.Runs.Should().ContainSingle().Which;
        run.Attempted.Should().Be(20);
        run.Landed.Should().Be(run.Attempted, report.ToText());
        run.Lost.Should().Be(0);
        run.Duplicated.Should().Be(0);
        run.WrongFiles.Should().Be(0);
        run.Requests.Failed.Should().BeGreaterThan(0, "faults were injected");
        report.Converged.Should().BeTrue();
    }

    [Fact]
    public async Task Options_out_of_range_are_refused_with_what_to_change()
    {
        var act = () => PromotionSoak.RunAsync(new SoakOptions { FaultPercent = 95 });
        var none = () => PromotionSoak.RunAsync(new SoakOptions { Promoters = 0 });
        var worktree = () => PromotionSoak.RunAsync(new SoakOptions { Writers = [WriteMethod.Worktree] });

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*--soak-faults 95*");
        await none.Should().ThrowAsync<ArgumentException>().WithMessage("*at least one promoter*");
        await worktree.Should().ThrowAsync<ArgumentException>().WithMessage("*graphql, git-data, contents or git*");
    }
}
