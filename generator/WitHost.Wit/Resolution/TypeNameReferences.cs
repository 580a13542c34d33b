using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Resolution;

/// <summary>The type names a type definition writes (named types and handles' resources), found without recursion.</summary>
internal static class TypeNameReferences
{
    public static IEnumerable<IdentifierSyntax> In(TypeDefinitionSyntax definition)
    {
        var pending = new Stack<TypeSyntax>();
        switch (definition)
        {
            case TypeAliasSyntax alias:
                pending.Push(alias.Target);
                break;
            case RecordSyntax record:
                foreach (var field in record.Fields)
                {
                    pending.Push(field.Type);
                }

                break;
            case VariantSyntax variant:
                foreach (var item in variant.Cases)
                {
                    if (item.Payload is not null)
                    {
                        pending.Push(item.Payload);
                    }
                }

                break;
        }

        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case NamedTypeSyntax named:
                    yield return named.Name;
                    break;
                case HandleTypeSyntax handle:
                    yield return handle.Resource;
                    break;
                case ListTypeSyntax list:
                    pending.Push(list.Element);
                    break;
                case TupleTypeSyntax tuple:
                    foreach (var element in tuple.Elements)
                    {
                        pending.Push(element);
                    }

                    break;
                case OptionTypeSyntax option:
                    pending.Push(option.Payload);
                    break;
                case ResultTypeSyntax result:
                    PushIfAny(result.Ok);
                    PushIfAny(result.Err);
                    break;
                case MapTypeSyntax map:
                    pending.Push(map.Key);
                    pending.Push(map.Value);
                    break;
                case FutureTypeSyntax future:
                    PushIfAny(future.Payload);
                    break;
                case StreamTypeSyntax stream:
                    PushIfAny(stream.Payload);
                    break;
            }
        }

        void PushIfAny(TypeSyntax? type)
        {
            if (type is not null)
            {
                pending.Push(type);
            }
        }
    }
}
