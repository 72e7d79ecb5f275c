package io.omnihub.platform.web;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

class ProblemDetailsAdviceTests {

    record Line(@NotBlank String ean, @Positive long quantity) {
    }

    record Order(@NotBlank String siteId, List<@Valid Line> lines) {
    }

    @RestController
    static class Orders {

        @PostMapping("/orders")
        String place(@Valid @RequestBody Order order) {
            return "ok";
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Orders())
            .setControllerAdvice(new ProblemDetailsAdvice()).build();

    @Test
    void listsEveryInvalidField() throws Exception {
        mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"siteId\": \"\", \"lines\": [{\"ean\": \"789\", \"quantity\": 0}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("siteId", "lines[0].quantity")));
    }

    @Test
    void namesTheFieldOfAValueOfTheWrongType() throws Exception {
        mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"siteId\": \"site-1\", \"lines\": [{\"ean\": \"789\", \"quantity\": \"two\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].quantity"));
    }

    @Test
    void refusesJsonThatIsNotJson() throws Exception {
        mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON).content("{\n  \"siteId\": ]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.line").value(2))
                .andExpect(jsonPath("$.column").value(13));
    }

    @Test
    void refusesJsonNestedTenThousandDeepWithoutFallingOver() throws Exception {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"siteId\": \"site-1\", \"lines\": " + deep + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid request"));
    }

    @Test
    void namesTheFieldOfANumberOutOfRange() throws Exception {
        mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"siteId\": \"site-1\", \"lines\": [{\"ean\": \"789\", "
                                + "\"quantity\": 99999999999999999999}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].quantity"));
    }
}
