"""The locust users of `bench/load.py`. Each request is a public page seen anonymously (70 %)
or a page of the user's own role, signed in (30 %). BENCH_TARGET=hello asks only the
hello-world view instead. BENCH_PUBLIC lists the public pages (load.py finds the demo's)."""

import os
import random
import re

from loadbench_mix import PASSWORD, PUBLIC_SHARE, SIGNED_IN
from locust import FastHttpUser, task
from locust.contrib.fasthttp import FastHttpSession

PUBLIC = os.environ.get("BENCH_PUBLIC", "/").split()
LOGINS = list(SIGNED_IN)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
started = 0


class Visitor(FastHttpUser):
    def on_start(self):
        global started
        self.login = LOGINS[started % len(LOGINS)]
        started += 1
        self.anonymous = FastHttpSession(base_url=self.host, user=self,
                                         request_event=self.environment.events.request)
        if os.environ.get("BENCH_TARGET") == "hello":
            return
        page = self.client.get("/accounts/login/", name="sign-in page").text
        signed_in = self.client.post(
            "/accounts/login/", name="sign-in", allow_redirects=False,
            data={"username": self.login, "password": PASSWORD,
                  "csrfmiddlewaretoken": TOKEN.search(page).group(1)})
        if signed_in.status_code != 302:
            raise RuntimeError(f"{self.login} could not sign in ({signed_in.status_code})")

    @task
    def page(self):
        if os.environ.get("BENCH_TARGET") == "hello":
            self.fetch(self.anonymous, "/bench/hello/", "hello world")
        elif random.random() < PUBLIC_SHARE:
            path = random.choice(PUBLIC)
            self.fetch(self.anonymous, path, f"public {path}",
                       headers={"Accept-Language": random.choice(["ja", "en"])})
        else:
            path = random.choice(SIGNED_IN[self.login])
            self.fetch(self.client, path, f"signed in {path}")

    @staticmethod
    def fetch(client, path, name, **options):
        # A redirect (to the sign-in page, say) is a failure: the page itself was expected.
        with client.get(path, name=name, allow_redirects=False, catch_response=True,
                        **options) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
