# Enums with a data type mixed in: str and int values compare, hash and operate as the value,
# str() and format() are Enum's ("Color.RED") unless the class is a StrEnum/IntEnum, lookups by
# value, iteration, members as dict keys.
import enum


class Status(str, enum.Enum):
    OK = "ok"
    BAD = "bad"

    def describe(self):
        return "%s means %s" % (self.name, self.value)


print(Status.OK == "ok", Status("bad"), Status.OK.value, f"{Status.OK}", format(Status.BAD), repr(Status.OK))
print(Status.OK.upper(), Status.OK + "!", "<" + Status.BAD, len(Status.BAD), "k" in Status.OK, Status.BAD[0], Status.OK.describe())
print({Status.OK: 1}[Status.OK], sorted(Status, key=lambda s: s.value), [s.value for s in Status], Status._member_type_ is str)


class Level(int, enum.Enum):
    LOW = 1
    HIGH = 3


print(Level.HIGH > Level.LOW, Level.HIGH + 1, Level(1), Level.LOW == 1, sum(Level), str(Level.HIGH), repr(Level.HIGH), Level._member_type_ is int)


class Mode(enum.StrEnum):
    READ = enum.auto()
    WRITE = enum.auto()


print(Mode.READ, str(Mode.WRITE), f"{Mode.READ}", Mode.READ == "read", Mode("write").name, Mode.READ.title())
try:
    Status("nope")
except ValueError as e:
    print("ValueError:", e)
