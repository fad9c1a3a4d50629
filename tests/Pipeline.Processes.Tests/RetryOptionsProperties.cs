using CsCheck;

namespace Pipeline.Processes.Tests;

/// <summary>CsCheck properties of the one retry shape: no wait it draws exceeds the cap, whatever the options.</summary>
public sealed class RetryOptionsProperties
{
    private static readonly Gen<TimeSpan> Delay = Gen.Int[0, 120_000].Select(ms => TimeSpan.FromMilliseconds(ms));

    private static readonly Gen<RetryOptions> Options = Gen.Select(Delay, Delay)
        .Select((baseDelay, maxDelay) => new RetryOptions { BaseDelay = baseDelay, MaxDelay = maxDelay });

    [Fact]
    public void A_jittered_wait_never_exceeds_the_cap_and_never_falls_below_the_base_the_cap_allows() =>
        Gen.Select(Options, Delay, Gen.Int).Sample((options, previous, seed) =>
        {
            var delay = options.NextDelay(previous, new Random(seed));

            delay.Should().BeLessThanOrEqualTo(options.MaxDelay);
            delay.Should().BeGreaterThanOrEqualTo(options.BaseDelay < options.MaxDelay ? options.BaseDelay : options.MaxDelay);
        }, iter: 3000);

    [Fact]
    public void Successive_jittered_waits_stay_under_the_cap_and_grow_towards_it()
    {
        var options = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(15) };
        var random = new Random(7);
        var delay = TimeSpan.Zero;
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 40; i++)
        {
            delay = options.NextDelay(delay, random);
            delays.Add(delay);
        }

        delays.Should().OnlyContain(d => d >= options.BaseDelay && d <= options.MaxDelay);
        delays.Max().Should().BeGreaterThan(TimeSpan.FromSeconds(5), "waits grow from the previous one until the cap");
    }

    [Fact]
    public void An_exponential_wait_doubles_from_the_base_and_never_exceeds_the_cap() =>
        Gen.Select(Options, Gen.Int[1, 200]).Sample((options, attempt) =>
        {
            var delay = options.Backoff(attempt);

            delay.Should().BeLessThanOrEqualTo(options.MaxDelay);
            if (attempt == 1)
            {
                delay.Should().Be(options.BaseDelay < options.MaxDelay ? options.BaseDelay : options.MaxDelay);
            }
        }, iter: 3000);

    [Fact]
    public void Attempts_stop_at_the_limit_or_when_the_next_wait_would_overrun_the_budget()
    {
        var attempts = new RetryOptions { MaxAttempts = 3, Budget = null };
        attempts.Allows(2, TimeSpan.FromHours(1), TimeSpan.FromHours(1)).Should().BeTrue();
        attempts.Allows(3, TimeSpan.Zero, TimeSpan.Zero).Should().BeFalse();

        var budget = new RetryOptions { MaxAttempts = null, Budget = TimeSpan.FromSeconds(10) };
        budget.Allows(1000, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(2)).Should().BeTrue();
        budget.Allows(1000, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(3)).Should().BeFalse();
    }

    [Fact]
    public void Options_that_would_retry_for_ever_or_are_out_of_range_name_the_fix()
    {
        new RetryOptions { MaxAttempts = null, Budget = null }.Problem().Should().Contain("give MaxAttempts or Budget");
        new RetryOptions { MaxAttempts = 0 }.Problem().Should().Contain("at least one attempt");
        new RetryOptions { BaseDelay = TimeSpan.FromSeconds(-1) }.Problem().Should().Contain("delays of zero or more");
        new RetryOptions { MaxAttempts = null, Budget = TimeSpan.Zero }.Problem().Should().Contain("a budget above zero");
        new RetryOptions().Problem().Should().BeNull();
        RetryOptions.None.Problem().Should().BeNull();
    }
}
