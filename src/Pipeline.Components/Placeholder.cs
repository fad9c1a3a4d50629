namespace Pipeline.Components; internal static class Placeholder { }
