namespace Pipeline.Containers;

/// <summary>
/// A Dockerfile that cannot be read, or that the direct strategy cannot build: the message names the file, the line and
/// the instruction, and what to do.
/// </summary>
public sealed class DockerfileException : ContainerException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The Dockerfile's path as given.</param>
    /// <param name="line">The line of the instruction (from 1), or 0 for the whole file.</param>
    /// <param name="problem">What is wrong and what to do.</param>
    /// <param name="needsEngine">True when the Dockerfile is fine but needs a Docker engine (a RUN, a base image).</param>
    public DockerfileException(string file, int line, string problem, bool needsEngine = false)
        : base(line > 0 ? $"{file}:{line}: {problem}" : $"{file}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
        NeedsEngine = needsEngine;
    }

    /// <summary>True when the Dockerfile is fine but only an engine can build it: the engine and buildx strategies can.</summary>
    public bool NeedsEngine { get; }

    /// <summary>The Dockerfile's path as given.</summary>
    public string File { get; }

    /// <summary>The line of the instruction (from 1), or 0.</summary>
    public int Line { get; }

    /// <summary>What is wrong and what to do, without the place.</summary>
    public string Problem { get; }
}
