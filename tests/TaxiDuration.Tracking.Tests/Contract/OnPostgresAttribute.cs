using System.Reflection;
using TaxiDuration.TestSupport;
using Xunit.Sdk;

namespace TaxiDuration.Tracking.Tests.Contract;

/// <summary>
/// The row of a contract theory that runs it against PostgreSQL; skipped, with the reason, when <c>TAXI_POSTGRES</c> is
/// unset. xunit 2 reads a data attribute's <see cref="DataAttribute.Skip"/> for the rows it yields, so such a run lists
/// these rows as skipped rather than passing them or failing on the missing server.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnPostgresAttribute : DataAttribute
{
    public OnPostgresAttribute() => Skip = TestPostgres.SkipReason;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Backend.Postgres]];
}
