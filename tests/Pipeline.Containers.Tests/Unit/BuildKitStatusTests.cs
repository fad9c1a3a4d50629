namespace Pipeline.Containers.Tests.Unit;

public sealed class BuildKitStatusTests
{
    // Three moby.buildkit.trace messages recorded from dockerd 20.10 building a RUN step that prints and exits 3.
    private const string Vertices = "CqMBCkdzaGEyNTY6ODVmNzg5YzIxMTMzOTA2MWU4MTFiNWQxNTE1Zjg0ZjBkNTI2ZmQ4MDZmYTViMDNjYzMzZGRiMDJkYzU2MjBmZRJHc2hhMjU2OmM0M2U5MDFiZjBkNDExMzY5ZjgwNDgwOGEyOTc5MmRkMjgxZGU1YTc2NWIzYzEzZjNmM2JkODlmNjI1YmUxYzgaD2NvcHkgL2NvbnRleHQgLwq5AQpHc2hhMjU2OjMzNDhmOTMwMzcyZmVhZTQzMDQ2ODAwZDU5MDEyYjg1YTk5NThkMTc3ZmQ5MzRiM2JkZTRkZmI3NTBkYWJkODkSR3NoYTI1Njo4NWY3ODljMjExMzM5MDYxZTgxMWI1ZDE1MTVmODRmMGQ1MjZmZDgwNmZhNWIwM2NjMzNkZGIwMmRjNTYyMGZlGiVbMS8yXSBDT1BZIGJ1c3lib3gtYXJtNjQgL2Jpbi9idXN5Ym94Cu4BCkdzaGEyNTY6YWUzYWRiZWI1YmUzOGI1MDU5NzkwNTY4YWNlNjY3ZjRhYTljYzdmZTAwOWQ5MWIxNWU1NGY1NGZiN2RlZmU3NRJHc2hhMjU2OjMzNDhmOTMwMzcyZmVhZTQzMDQ2ODAwZDU5MDEyYjg1YTk5NThkMTc3ZmQ5MzRiM2JkZTRkZmI3NTBkYWJkODkaWlsyLzJdIFJVTiBbIi9iaW4vYnVzeWJveCIsInNoIiwiLWMiLCIvYmluL2J1c3lib3ggdW5hbWUgLW07IGVjaG8gZmFpbGluZy1ub3cgPiYyOyBleGl0IDMiXQ==";
    private const string Log = "GmYKR3NoYTI1NjphZTNhZGJlYjViZTM4YjUwNTk3OTA1NjhhY2U2NjdmNGFhOWNjN2ZlMDA5ZDkxYjE1ZTU0ZjU0ZmI3ZGVmZTc1EgsItZmJ2AYQ2vHtdBgCIgxmYWlsaW5nLW5vdwo=";
    private const string Failed = "CvgCCkdzaGEyNTY6YWUzYWRiZWI1YmUzOGI1MDU5NzkwNTY4YWNlNjY3ZjRhYTljYzdmZTAwOWQ5MWIxNWU1NGY1NGZiN2RlZmU3NRJHc2hhMjU2OjMzNDhmOTMwMzcyZmVhZTQzMDQ2ODAwZDU5MDEyYjg1YTk5NThkMTc3ZmQ5MzRiM2JkZTRkZmI3NTBkYWJkODkaWlsyLzJdIFJVTiBbIi9iaW4vYnVzeWJveCIsInNoIiwiLWMiLCIvYmluL2J1c3lib3ggdW5hbWUgLW07IGVjaG8gZmFpbGluZy1ub3cgPiYyOyBleGl0IDMiXSoLCLWZidgGEM/gkEkyCwi1mYnYBhDCoLZ3Om5leGVjdXRvciBmYWlsZWQgcnVubmluZyBbL2Jpbi9idXN5Ym94IHNoIC1jIC9iaW4vYnVzeWJveCB1bmFtZSAtbTsgZWNobyBmYWlsaW5nLW5vdyA+JjI7IGV4aXQgM106IGV4aXQgY29kZTogMw==";

    [Fact]
    public void Trace_messages_yield_step_names_logs_and_the_failed_step()
    {
        var lines = new Support.LineCollector();
        var output = new BuildOutput(Platform.LinuxArm64, lines);

        BuildKitStatus.Decode(Vertices, output);
        BuildKitStatus.Decode(Log, output);
        BuildKitStatus.Decode(Failed, output);

        lines.Lines.Should().Contain("[linux/arm64] [1/2] COPY busybox-arm64 /bin/busybox");
        lines.Lines.Should().Contain("[linux/arm64]   failing-now");
        output.FailedStep.Should().StartWith("[2/2] RUN");
        output.FailureOutput().Should().Be("failing-now\n");
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("//////8=")]
    [InlineData("CgE=")]
    public void Malformed_trace_messages_are_ignored(string base64)
    {
        var output = new BuildOutput(null, null);

        BuildKitStatus.Decode(base64, output);

        output.FailedStep.Should().BeNull();
        output.FailureOutput().Should().BeEmpty();
    }
}
