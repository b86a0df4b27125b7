# A DeltaBlue-like incremental constraint solver: constraints with strengths, walkabout
# strengths, method selection by planning, on a chain and a projection test (after the
# Smalltalk benchmark by Maloney and Freeman-Benson, reduced).
REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST = range(7)
NAMES = ['required', 'strongPreferred', 'preferred', 'strongDefault', 'normal', 'weakDefault', 'weakest']


def stronger(a, b):
    return a < b


def weakest_of(a, b):
    return a if a > b else b


class Variable:
    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.walk_strength = WEAKEST
        self.stay = True
        self.mark = 0

    def __repr__(self):
        return '%s=%s' % (self.name, self.value)


class Constraint:
    def __init__(self, strength):
        self.strength = strength

    def add(self, planner):
        for v in self.variables():
            v.constraints.append(self)
        planner.incremental_add(self)

    def satisfy(self, mark, planner):
        self.choose_method(mark)
        if not self.is_satisfied():
            if self.strength == REQUIRED:
                raise RuntimeError('could not satisfy a required constraint')
            return None
        self.mark_inputs(mark)
        out = self.output()
        overridden = out.determined_by
        if overridden is not None:
            overridden.mark_unsatisfied()
        out.determined_by = self
        if not planner.add_propagate(self, mark):
            raise RuntimeError('cycle encountered')
        out.mark = mark
        return overridden


class UnaryConstraint(Constraint):
    def __init__(self, v, strength, planner):
        Constraint.__init__(self, strength)
        self.my_output = v
        self.satisfied = False
        self.add(planner)

    def variables(self):
        return [self.my_output]

    def choose_method(self, mark):
        self.satisfied = self.my_output.mark != mark and stronger(self.strength, self.my_output.walk_strength)

    def is_satisfied(self):
        return self.satisfied

    def mark_inputs(self, mark):
        pass

    def output(self):
        return self.my_output

    def recalculate(self):
        self.my_output.walk_strength = self.strength
        self.my_output.stay = not self.is_input()
        if self.my_output.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.satisfied = False

    def inputs_known(self, mark):
        return True


class StayConstraint(UnaryConstraint):
    def is_input(self):
        return False

    def execute(self):
        pass


class EditConstraint(UnaryConstraint):
    def is_input(self):
        return True

    def execute(self):
        pass


FORWARD, BACKWARD, NONE = 1, 0, -1


class BinaryConstraint(Constraint):
    def __init__(self, a, b, strength, planner):
        Constraint.__init__(self, strength)
        self.v1 = a
        self.v2 = b
        self.direction = NONE
        self.add(planner)

    def variables(self):
        return [self.v1, self.v2]

    def choose_method(self, mark):
        if self.v1.mark == mark:
            ok = self.v2.mark != mark and stronger(self.strength, self.v2.walk_strength)
            self.direction = FORWARD if ok else NONE
        elif self.v2.mark == mark:
            ok = self.v1.mark != mark and stronger(self.strength, self.v1.walk_strength)
            self.direction = BACKWARD if ok else NONE
        elif stronger(self.v2.walk_strength, self.v1.walk_strength):
            self.direction = FORWARD if stronger(self.strength, self.v1.walk_strength) else NONE
            if self.direction == FORWARD:
                self.direction = BACKWARD
        else:
            self.direction = FORWARD if stronger(self.strength, self.v2.walk_strength) else BACKWARD

    def is_satisfied(self):
        return self.direction != NONE

    def mark_inputs(self, mark):
        self.input().mark = mark

    def input(self):
        return self.v1 if self.direction == FORWARD else self.v2

    def output(self):
        return self.v2 if self.direction == FORWARD else self.v1

    def recalculate(self):
        ihn = self.input()
        out = self.output()
        out.walk_strength = weakest_of(self.strength, ihn.walk_strength)
        out.stay = ihn.stay
        if out.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.direction = NONE

    def inputs_known(self, mark):
        i = self.input()
        return i.mark == mark or i.stay or i.determined_by is None

    def is_input(self):
        return False


class EqualityConstraint(BinaryConstraint):
    def execute(self):
        self.output().value = self.input().value


class ScaleConstraint(BinaryConstraint):
    def __init__(self, src, scale, offset, dest, strength, planner):
        self.scale = scale
        self.offset = offset
        BinaryConstraint.__init__(self, src, dest, strength, planner)

    def execute(self):
        if self.direction == FORWARD:
            self.v2.value = self.v1.value * self.scale.value + self.offset.value
        else:
            self.v1.value = (self.v2.value - self.offset.value) // self.scale.value


class Planner:
    def __init__(self):
        self.current_mark = 0

    def new_mark(self):
        self.current_mark += 1
        return self.current_mark

    def incremental_add(self, c):
        mark = self.new_mark()
        overridden = c.satisfy(mark, self)
        while overridden is not None:
            overridden = overridden.satisfy(mark, self)

    def add_propagate(self, c, mark):
        todo = [c]
        while todo:
            d = todo.pop()
            if d.output().mark == mark:
                return False
            d.recalculate()
            todo.extend(self.consumers(d.output(), mark))
        return True

    def consumers(self, v, mark):
        out = []
        for c in v.constraints:
            if c is not v.determined_by and c.is_satisfied():
                out.append(c)
        return out

    def make_plan(self, sources):
        mark = self.new_mark()
        plan = []
        todo = list(sources)
        while todo:
            c = todo.pop(0)
            if c.output().mark != mark and c.inputs_known(mark):
                plan.append(c)
                c.output().mark = mark
                for d in c.output().constraints:
                    if d is not c and d.is_satisfied() and d.inputs_known(mark):
                        todo.append(d)
        return plan

    def extract_plan(self, constraints):
        return self.make_plan([c for c in constraints if c.is_input() and c.is_satisfied()])


def run_plan(plan):
    for c in plan:
        c.execute()


def chain_test(n):
    planner = Planner()
    vs = [Variable('v%d' % i) for i in range(n + 1)]
    for i in range(n):
        EqualityConstraint(vs[i], vs[i + 1], REQUIRED, planner)
    StayConstraint(vs[n], STRONG_DEFAULT, planner)
    edit = EditConstraint(vs[0], PREFERRED, planner)
    plan = planner.extract_plan([edit])
    results = []
    for value in (17, 100, 2024):
        vs[0].value = value
        run_plan(plan)
        results.append(vs[n].value)
    return results, len(plan)


def projection_test(n):
    planner = Planner()
    scale = Variable('scale', 10)
    offset = Variable('offset', 1000)
    src = dst = None
    dests = []
    for i in range(n):
        src = Variable('src%d' % i, i)
        dst = Variable('dst%d' % i, i)
        dests.append(dst)
        StayConstraint(src, NORMAL, planner)
        ScaleConstraint(src, scale, offset, dst, REQUIRED, planner)
    edit = EditConstraint(src, PREFERRED, planner)
    plan = planner.extract_plan([edit])
    src.value = 17
    run_plan(plan)
    return dst.value, [d.value for d in dests[:5]], NAMES[dst.walk_strength]


print(chain_test(20))
print(chain_test(100))
print(projection_test(10))
print(projection_test(50))
