namespace Pipeline.EndToEnd;

/// <summary>One style: the code is as <c>dotnet format</c> leaves it under the repository's <c>.editorconfig</c>.</summary>
public sealed class FormatTests
{
    [Fact]
    public void The_code_is_formatted_as_the_editorconfig_says()
    {
        // Verify only: nothing is written. The Test target built the solution, so its restore is current.
        var format = RepositoryClone.Run("dotnet", ["format", "Pipeline.sln", "--verify-no-changes", "--no-restore", "--verbosity", "quiet"], RepositoryClone.Source);

        format.ExitCode.Should().Be(0, "run 'dotnet format Pipeline.sln' and commit what it changes:\n" + format.All);
    }
}
