namespace Pipeline.Rehearsal; internal static class Placeholder { }
