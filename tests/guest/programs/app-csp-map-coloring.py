# A constraint solver: backtracking with forward checking and the minimum-remaining-values
# heuristic, on map colouring (Australia, a US-like graph) and N-queens.
class CSP:
    def __init__(self, variables, domains, neighbours, constraint):
        self.variables = variables
        self.domains = {v: list(domains[v]) for v in variables}
        self.neighbours = neighbours
        self.constraint = constraint
        self.assignments = 0
        self.prunes = 0

    def consistent(self, var, val, assignment):
        for n in self.neighbours[var]:
            if n in assignment and not self.constraint(var, val, n, assignment[n]):
                return False
        return True

    def select(self, assignment, domains):
        unassigned = [v for v in self.variables if v not in assignment]
        return min(unassigned, key=lambda v: (len(domains[v]), self.variables.index(v)))

    def forward(self, var, val, assignment, domains):
        new = dict(domains)
        for n in self.neighbours[var]:
            if n not in assignment:
                kept = [x for x in new[n] if self.constraint(var, val, n, x)]
                self.prunes += len(new[n]) - len(kept)
                if not kept:
                    return None
                new[n] = kept
        return new

    def solve(self, assignment=None, domains=None):
        if assignment is None:
            assignment, domains = {}, self.domains
        if len(assignment) == len(self.variables):
            return dict(assignment)
        var = self.select(assignment, domains)
        for val in domains[var]:
            if self.consistent(var, val, assignment):
                assignment[var] = val
                self.assignments += 1
                pruned = self.forward(var, val, assignment, domains)
                if pruned is not None:
                    result = self.solve(assignment, pruned)
                    if result is not None:
                        return result
                del assignment[var]
        return None


def different(a, x, b, y):
    return x != y


def parse_graph(spec):
    neighbours = {}
    for part in spec.split(';'):
        name, _, rest = part.partition(':')
        name = name.strip()
        neighbours.setdefault(name, [])
        for other in rest.split():
            neighbours[name].append(other)
            neighbours.setdefault(other, []).append(name)
    return neighbours


australia = parse_graph('SA: WA NT Q NSW V; NT: WA Q; NSW: Q V; T:')
csp = CSP(sorted(australia), {v: ['red', 'green', 'blue'] for v in australia}, australia, different)
print(sorted(csp.solve().items()), csp.assignments, csp.prunes)

usa = parse_graph('WA: OR ID; OR: ID NV CA; CA: NV AZ; NV: ID UT AZ; ID: MT WY UT; UT: WY CO AZ; '
                  'MT: ND SD WY; WY: SD NE CO; CO: NE KS OK NM; AZ: NM; NM: OK TX; ND: MN SD; '
                  'SD: MN IA NE; NE: IA MO KS; KS: MO OK; OK: MO AR TX; TX: AR LA; MN: WI IA')
for colours in (['r', 'g', 'b'], ['r', 'g', 'b', 'y']):
    csp = CSP(sorted(usa), {v: colours for v in usa}, usa, different)
    sol = csp.solve()
    print(len(colours), None if sol is None else ''.join(sol[v] for v in sorted(sol)), csp.assignments, csp.prunes)


def queens(n):
    cols = list(range(n))
    neighbours = {c: [d for d in cols if d != c] for c in cols}

    def ok(a, x, b, y):
        return x != y and abs(x - y) != abs(a - b)

    csp = CSP(cols, {c: list(range(n)) for c in cols}, neighbours, ok)
    sol = csp.solve()
    return [sol[c] for c in cols], csp.assignments


for n in (4, 6, 8, 10):
    print(n, *queens(n))
