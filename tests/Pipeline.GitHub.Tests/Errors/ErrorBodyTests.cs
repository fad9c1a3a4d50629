using System.Text;
using Pipeline.GitHub.Errors;

namespace Pipeline.GitHub.Tests.Errors;

public sealed class ErrorBodyTests
{
    [Fact]
    public void Rest_errors_are_read_whether_entries_are_objects_or_strings()
    {
        var body = GitHubErrorBody.Parse(Encoding.UTF8.GetBytes(
            """{"message":"Validation Failed","errors":[{"resource":"Issue","field":"title","code":"missing_field"},"Reference already exists"],"documentation_url":"https://docs.github.com/x","status":"422"}"""));

        body.Message.Should().Be("Validation Failed");
        body.DocumentationUrl.Should().Be("https://docs.github.com/x");
        body.Errors.Should().Equal(
            new GitHubFieldError("Issue", "title", "missing_field", null),
            new GitHubFieldError(null, null, null, "Reference already exists"));
    }

    [Fact]
    public void Graphql_errors_keep_their_type_and_path()
    {
        var body = GitHubErrorBody.Parse(Encoding.UTF8.GetBytes(
            """{"data":{"createCommitOnBranch":null},"errors":[{"type":"STALE_DATA","path":["createCommitOnBranch"],"message":"Expected branch to point to \"x\""}]}"""));

        body.Errors.Should().ContainSingle().Which.Should().Be(new GitHubFieldError("createCommitOnBranch", null, "STALE_DATA", "Expected branch to point to \"x\""));
    }

    [Fact]
    public void Non_json_bodies_become_a_shortened_message()
    {
        var body = GitHubErrorBody.Parse(Encoding.UTF8.GetBytes("<html>" + new string('x', 2000) + "</html>"));

        body.Message.Should().StartWith("<html>").And.EndWith("...");
        body.Message!.Length.Should().BeLessThan(600);
    }
}
