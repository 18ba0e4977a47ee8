"""Command-line entry point (placeholder while the commands are written)."""
import click


@click.group()
def main() -> None:
    """quizapp."""
