# a tiny stack-based virtual machine executing a bytecode program (loops, calls).
PUSH, ADD, SUB, MUL, JZ, JMP, DUP, SWAP, PRINT, HALT, OVER, DROP = range(12)
def run(code):
    stack, pc, out, steps = [], 0, [], 0
    while True:
        steps += 1
        op = code[pc]
        pc += 1
        if op == PUSH:
            stack.append(code[pc])
            pc += 1
        elif op == ADD:
            b = stack.pop(); a = stack.pop(); stack.append(a + b)
        elif op == SUB:
            b = stack.pop(); a = stack.pop(); stack.append(a - b)
        elif op == MUL:
            b = stack.pop(); a = stack.pop(); stack.append(a * b)
        elif op == JZ:
            t = code[pc]
            pc += 1
            if stack.pop() == 0:
                pc = t
        elif op == JMP:
            pc = code[pc]
        elif op == DUP:
            stack.append(stack[-1])
        elif op == SWAP:
            stack[-1], stack[-2] = stack[-2], stack[-1]
        elif op == OVER:
            stack.append(stack[-2])
        elif op == DROP:
            stack.pop()
        elif op == PRINT:
            out.append(stack[-1])
        elif op == HALT:
            return out, steps, stack
# factorial of 12: acc n -> loop while n != 0: acc *= n; n -= 1
fact = [PUSH, 1, PUSH, 12,
        DUP, JZ, 18,
        DUP, PRINT, DROP, SWAP, OVER, MUL, SWAP, PUSH, 1, SUB, JMP, 4,
        ]
fact[6] = 19
fact += [DROP, PRINT, HALT]
out, steps, stack = run(fact)
print(out, steps, stack)
count = [PUSH, 5, DUP, JZ, 12, DUP, PRINT, DROP, PUSH, 1, SUB, JMP, 2, PUSH, 99, PRINT, HALT]
count[4] = 13
print(run(count))
