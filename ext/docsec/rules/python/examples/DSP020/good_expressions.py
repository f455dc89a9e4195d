from django.db.models import F, Func, Value


class Position(Func):
    function = "INSTR"
    template = "%(function)s(%(expressions)s)"
    arity = 2


class Coalesce(Func):
    def as_sql(self, compiler, connection, template=None):
        sql, params = compiler.compile(self.source_expressions[0])
        template = template or self.template
        return "COALESCE(%s, %%s)" % sql, [*params, self.default]


def search(request):
    q = request.GET["q"]
    people = Person.objects.raw("SELECT * FROM myapp_person WHERE last_name = %s", [q])
    entries = Entry.objects.extra(where=["headline = %s"], params=[q])
    return Entry.objects.annotate(position=Position(F("body"), Value(q)))
