namespace Pipeline.Targets;

/// <summary>
/// Builds the execution plan: the invoked targets, their dependencies and what they trigger, ordered so
/// that every dependency, trigger source, <c>After</c> and <c>Before</c> holds; ties keep the order in which
/// a depth-first walk from the invoked targets meets them, so the plan is deterministic.
/// </summary>
internal static class ExecutionPlanner
{
    public static IReadOnlyList<TargetSpec> Plan(IReadOnlyList<TargetSpec> invoked)
    {
        var rank = new Dictionary<TargetSpec, int>();
        foreach (var target in invoked)
        {
            Visit(target, rank);
        }

        var members = rank.Keys.ToHashSet();
        var edges = members.ToDictionary(t => t, _ => new HashSet<TargetSpec>());
        void Edge(TargetSpec first, TargetSpec then)
        {
            if (members.Contains(first) && members.Contains(then) && first != then)
            {
                edges[first].Add(then);
            }
        }
        foreach (var target in members)
        {
            foreach (var dependency in target.AllDependencies)
            {
                Edge(dependency, target);
            }

            foreach (var triggered in target.AllTriggers)
            {
                Edge(target, triggered);
            }

            foreach (var earlier in target.After)
            {
                Edge(earlier, target);
            }

            foreach (var later in target.Before)
            {
                Edge(target, later);
            }
        }

        var incoming = members.ToDictionary(t => t, t => 0);
        foreach (var then in edges.Values.SelectMany(e => e))
        {
            incoming[then]++;
        }

        var priority = Priorities(members, edges, rank);
        var ready = new SortedSet<TargetSpec>(Comparer<TargetSpec>.Create((a, b) =>
            priority[a] != priority[b] ? priority[a].CompareTo(priority[b]) : rank[a].CompareTo(rank[b])));
        foreach (var target in members.Where(t => incoming[t] == 0))
        {
            ready.Add(target);
        }

        var plan = new List<TargetSpec>();
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            plan.Add(next);
            foreach (var then in edges[next])
            {
                if (--incoming[then] == 0)
                {
                    ready.Add(then);
                }
            }
        }
        if (plan.Count < members.Count)
        {
            throw new BuildDefinitionException("Circular dependency between targets: " + string.Join(" -> ", FindCycle(members.Except(plan).ToHashSet(), edges)) + ". Remove one of these relations.");
        }

        return plan;
    }

    /// <summary>
    /// A target is as urgent as the most urgent target that must wait for it: a target ordered by <c>After</c>
    /// before an early target runs early too, instead of where its own invocation would put it.
    /// </summary>
    private static Dictionary<TargetSpec, int> Priorities(HashSet<TargetSpec> members, Dictionary<TargetSpec, HashSet<TargetSpec>> edges, Dictionary<TargetSpec, int> rank)
    {
        var priority = new Dictionary<TargetSpec, int>();
        var active = new HashSet<TargetSpec>();
        int Compute(TargetSpec target)
        {
            if (priority.TryGetValue(target, out var known))
            {
                return known;
            }

            if (!active.Add(target))
            {
                return rank[target]; // a cycle: reported by the caller
            }

            var value = rank[target];
            foreach (var then in edges[target])
            {
                value = Math.Min(value, Compute(then));
            }

            active.Remove(target);
            return priority[target] = value;
        }
        foreach (var target in members)
        {
            Compute(target);
        }

        return priority;
    }

    /// <summary>Post-order over dependencies (declaration order); triggered targets are visited right after their trigger.</summary>
    private static void Visit(TargetSpec target, Dictionary<TargetSpec, int> rank)
    {
        var visiting = new HashSet<TargetSpec>();
        void Walk(TargetSpec current, List<TargetSpec> path)
        {
            if (rank.ContainsKey(current))
            {
                return;
            }

            if (!visiting.Add(current))
            {
                throw new BuildDefinitionException("Circular dependency between targets: " + string.Join(" -> ", path.SkipWhile(t => t != current).Append(current)) + ". Remove one of these relations.");
            }

            path.Add(current);
            foreach (var dependency in current.AllDependencies)
            {
                Walk(dependency, path);
            }

            path.RemoveAt(path.Count - 1);
            rank[current] = rank.Count;
            foreach (var triggered in current.AllTriggers)
            {
                Walk(triggered, []);
            }
        }
        Walk(target, []);
    }

    private static IEnumerable<TargetSpec> FindCycle(HashSet<TargetSpec> remaining, Dictionary<TargetSpec, HashSet<TargetSpec>> edges)
    {
        var start = remaining.OrderBy(t => t.Order).First();
        var path = new List<TargetSpec> { start };
        var seen = new Dictionary<TargetSpec, int> { [start] = 0 };
        var current = start;
        while (true)
        {
            current = edges[current].Where(remaining.Contains).OrderBy(t => t.Order).First();
            if (seen.TryGetValue(current, out var index))
            {
                return path.Skip(index).Append(current);
            }

            seen[current] = path.Count;
            path.Add(current);
        }
    }
}
