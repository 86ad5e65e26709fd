package org.canonicalregistry.registry.console;

import jakarta.servlet.http.HttpServletResponse;

import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.registry.security.CurrentPrincipal;
import org.canonicalregistry.registry.security.Principal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page needs: who is signed in (for the header and the sign-out form), and a readable error page
 * when a service refuses, carrying the service's own precise reason and status.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
class ConsoleAdvice {

    private final CurrentPrincipal current;

    ConsoleAdvice(CurrentPrincipal current) {
        this.current = current;
    }

    @ModelAttribute("me")
    Principal me() {
        return current.find().orElse(null);
    }

    @ExceptionHandler(RegistryException.class)
    String refused(RegistryException refusal, HttpServletResponse response, Model model) {
        int status = refusal.problemType().status();
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("title", refusal.problemType().title());
        model.addAttribute("detail", refusal.detail());
        model.addAttribute("me", me());
        return "console/error";
    }
}
