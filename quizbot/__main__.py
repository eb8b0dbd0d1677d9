from quizbot.cli import main

main()
