try:
    exit(3)
except SystemExit as e:
    print(e.args, e.code)
try:
    quit()
except SystemExit as e:
    print(e.args, e.code)
print("leaving")
exit("bye")
print("never")
