using Xunit.Abstractions;

namespace Pipeline.Promotion.Tests.Fuzz;

/// <summary>
/// Generated and mutated YAML through every edit kind (CsCheck; a failure prints the shrunk input, the result and
/// the seed to replay it with). Each result is a refusal or a change of exactly the targeted values: never a file
/// YAML cannot read, never an exception the edits do not document.
/// </summary>
public sealed class EditFuzzTests(ITestOutputHelper output)
{
    /// <summary>1000 per edit kind in CI; PIPELINE_FUZZ_CASES runs more, PIPELINE_FUZZ_SEED replays a failure.</summary>
    private static readonly long Cases = long.TryParse(Environment.GetEnvironmentVariable("PIPELINE_FUZZ_CASES"), out var n) && n > 0 ? n : 1000;

    [Fact]
    public void Helm_values_edit_of_fuzzed_yaml_refuses_or_changes_exactly_image_tag() => Check(new HelmTarget());

    [Fact]
    public void Kustomize_images_edit_of_fuzzed_yaml_refuses_or_changes_exactly_the_apps_entry() => Check(new KustomizeTarget());

    [Fact]
    public void Container_edit_of_fuzzed_workloads_refuses_or_changes_exactly_the_containers_image() => Check(new WorkloadTarget());

    [Fact]
    public void Regex_rule_of_fuzzed_yaml_refuses_or_changes_exactly_the_matched_groups() => Check(new RegexTarget());

    private void Check(IFuzzTarget target)
    {
        var outcome = FuzzHarness.Run(target, Cases, Environment.GetEnvironmentVariable("PIPELINE_FUZZ_SEED"));

        output.WriteLine(outcome.ToString());
        outcome.Total.Should().Be((int)Cases);
        outcome["changed exactly the targeted values"].Should().BeGreaterThan((int)Cases / 10, "many cases must reach an edit, or the fuzzing tests little");
        outcome["not judged: YamlDotNet's representation model cannot load it"].Should().BeLessThan((int)Cases / 50);
        outcome.RefusedTotal.Should().BeGreaterThan((int)Cases / 20, "mutations must produce documents to refuse");
    }
}
