"""`python manage.py resend_emails`: queue again the e-mails the worker gave up on."""

from django.core.management.base import BaseCommand

from partnership.tasks import resend_given_up


class Command(BaseCommand):
    help = ("Queue again every notification e-mail the worker gave up on (after fixing a "
            "template, or after a mail server outage of more than two days).")

    def handle(self, *args, **options):
        count = resend_given_up()
        self.stdout.write(f"{count} e-mail(s) queued again.")
