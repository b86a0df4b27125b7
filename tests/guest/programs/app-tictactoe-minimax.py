# Tic-tac-toe solved by minimax with alpha-beta pruning and a transposition table; then a
# game of the perfect player against a fixed-order opponent, and node counts.
LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]


def winner(board):
    for a, b, c in LINES:
        if board[a] != '.' and board[a] == board[b] == board[c]:
            return board[a]
    return None


class Solver:
    def __init__(self):
        self.table = {}
        self.nodes = 0

    def score(self, board, player, alpha=-2, beta=2):
        self.nodes += 1
        key = (board, player)
        if key in self.table:
            return self.table[key]
        w = winner(board)
        if w is not None:
            return 1 if w == 'X' else -1
        if '.' not in board:
            return 0
        other = 'O' if player == 'X' else 'X'
        best = -2 if player == 'X' else 2
        for i, cell in enumerate(board):
            if cell != '.':
                continue
            s = self.score(board[:i] + player + board[i + 1:], other, alpha, beta)
            if player == 'X':
                best = max(best, s)
                alpha = max(alpha, s)
            else:
                best = min(best, s)
                beta = min(beta, s)
            if alpha >= beta:
                break
        self.table[key] = best
        return best

    def best_move(self, board, player):
        other = 'O' if player == 'X' else 'X'
        moves = []
        for i, cell in enumerate(board):
            if cell == '.':
                s = self.score(board[:i] + player + board[i + 1:], other)
                moves.append((s if player == 'X' else -s, -i, i))
        moves.sort(reverse=True)
        return moves[0][2]


def show(board):
    return '\n'.join(' '.join(board[r * 3:r * 3 + 3]) for r in range(3))


solver = Solver()
print('value of the empty board:', solver.score('.' * 9, 'X'))
board = '.' * 9
player = 'X'
while winner(board) is None and '.' in board:
    if player == 'X':
        move = solver.best_move(board, 'X')
    else:
        move = board.index('.')
    board = board[:move] + player + board[move + 1:]
    player = 'O' if player == 'X' else 'X'
print(show(board))
print('winner:', winner(board) or 'draw')
print('nodes:', solver.nodes, 'table:', len(solver.table))
counts = {}
for (b, p), v in solver.table.items():
    counts[v] = counts.get(v, 0) + 1
print(sorted(counts.items()))
