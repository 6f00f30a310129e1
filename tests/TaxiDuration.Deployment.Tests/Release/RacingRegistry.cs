using System.Reflection;
using TaxiDuration.Tracking;

namespace TaxiDuration.Deployment.Tests.Release;

/// <summary>
/// The real registry, except that another promoter moves champion the moment the gate records its decision: the
/// race a compare-and-set promotion exists for (two gates, or a person and a gate, acting on the same champion).
/// </summary>
public class RacingRegistry : DispatchProxy
{
    private IModelRegistry inner = null!;
    private Func<int> rivalVersion = null!;

    public static IModelRegistry Around(IModelRegistry registry, Func<int> rivalVersion)
    {
        var proxy = Create<IModelRegistry, RacingRegistry>();
        var racing = (RacingRegistry)(object)proxy;
        racing.inner = registry;
        racing.rivalVersion = rivalVersion;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var result = Invoke(targetMethod, inner, args);
        if (targetMethod.Name == nameof(IModelRegistry.RecordDecision))
        {
            inner.SetAlias(ReleaseWorkspace.Model, RegistryAliases.Champion, rivalVersion(), "a rival promotion", "someone-else");
        }

        return result;
    }

    private static object? Invoke(MethodInfo method, IModelRegistry target, object?[]? args)
    {
        try
        {
            return method.Invoke(target, args);
        }
        catch (TargetInvocationException error) when (error.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error.InnerException);
            throw;
        }
    }
}
