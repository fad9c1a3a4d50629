namespace Pipeline.GitHub; internal static class Placeholder { }
