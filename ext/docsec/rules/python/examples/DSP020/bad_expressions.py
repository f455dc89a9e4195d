from django.db.models import Aggregate, F, Func, Value


class Position(Func):
    function = "INSTR"
    template = "%(function)s(%(expressions)s, '" + substring + "')"  # expect: DSP020


class Rank(Func):
    template = f"ts_rank(%(expressions)s, to_tsquery('{search_term}'))"  # expect: DSP020


class Coalesce(Func):
    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.source_expressions[0])
        return "COALESCE(%s, '%s')" % (sql, self.default), params  # expect: DSP020


def search(request):
    q = request.GET["q"]
    return Entry.objects.annotate(
        rank=Func(F("body"), template="ts_rank(%%(expressions)s, '%s')" % q),  # expect: DSP020
    )
