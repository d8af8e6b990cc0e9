package dev.outpost.outlook;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.Importance;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.LinkedResource;
import com.microsoft.graph.models.TaskStatus;
import com.microsoft.graph.models.TodoTask;
import com.microsoft.graph.models.TodoTaskList;
import com.microsoft.graph.models.WellknownListName;
import com.microsoft.graph.users.item.todo.lists.item.tasks.TasksRequestBuilder;
import com.microsoft.graph.users.item.todo.lists.item.tasks.delta.DeltaGetResponse;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.ParsableFactory;

import dev.outpost.model.RecordType;
import dev.outpost.sync.EndpointException;
import dev.outpost.sync.RemoteChange;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.UserKey;

/**
 * Tasks of the user's default To Do list ({@code wellknownListName == defaultList}): title, body, due date,
 * importance, done. A task has no changeKey: its {@code @odata.etag} is the version, else lastModifiedDateTime.
 * Creates carry a linkedResource whose {@code externalId} is the client id.
 */
final class TaskItems extends OutlookItems<TodoTask> {

    static final String APPLICATION = "Outpost";

    private volatile String listId;

    TaskItems(GraphConnection connection) {
        super(connection, false);
    }

    @Override
    RecordType type() {
        return RecordType.TASK;
    }

    /** The default list's id, looked up once. */
    String listId() {
        String id = listId;
        if (id == null) {
            var lists = client.me().todo().lists().get(rc -> prefer.applyTo(rc.headers));
            id = (lists == null || lists.getValue() == null ? List.<TodoTaskList>of() : lists.getValue()).stream()
                    .filter(l -> l.getWellknownListName() == WellknownListName.DefaultList)
                    .map(TodoTaskList::getId).findFirst()
                    .orElseThrow(() -> new EndpointException("The mailbox has no default To Do list. Open To Do once "
                            + "to create it, then sync again."));
            listId = id;
        }
        return id;
    }

    private TasksRequestBuilder tasks() {
        return client.me().todo().lists().byTodoTaskListId(listId()).tasks();
    }

    @Override
    DeltaPage<TodoTask> firstPage() {
        return page(tasks().delta().get(rc -> prefer.applyTo(rc.headers)));
    }

    @Override
    DeltaPage<TodoTask> page(String link) {
        return page(tasks().delta().withUrl(link).get(rc -> prefer.applyTo(rc.headers)));
    }

    private static DeltaPage<TodoTask> page(DeltaGetResponse response) {
        return new DeltaPage<>(response.getValue() == null ? List.of() : response.getValue(),
                response.getOdataNextLink(), response.getOdataDeltaLink());
    }

    @Override
    RequestInformation getRequest(String id) {
        return tasks().byTodoTaskId(id).toGetRequestInformation(rc -> prefer.applyTo(rc.headers));
    }

    @Override
    RequestInformation createRequest(TodoTask item) {
        return tasks().toPostRequestInformation(item, rc -> prefer.applyTo(rc.headers));
    }

    @Override
    RequestInformation updateRequest(String id, TodoTask item) {
        return tasks().byTodoTaskId(id).toPatchRequestInformation(item, rc -> prefer.applyTo(rc.headers));
    }

    @Override
    RequestInformation deleteRequest(String id) {
        return tasks().byTodoTaskId(id).toDeleteRequestInformation(rc -> prefer.applyTo(rc.headers));
    }

    @Override
    ParsableFactory<TodoTask> factory() {
        return TodoTask::createFromDiscriminatorValue;
    }

    @Override
    String version(TodoTask item) {
        Object etag = item.getAdditionalData().get("@odata.etag");
        if (etag instanceof String text && !text.isBlank()) {
            return text;
        }
        return item.getLastModifiedDateTime() == null ? null : item.getLastModifiedDateTime().toString();
    }

    @Override
    TodoTask residue(TodoTask item) {
        TodoTask kept = new TodoTask();
        Object etag = item.getAdditionalData().get("@odata.etag");
        if (etag != null) {
            kept.getAdditionalData().put("@odata.etag", etag);
        }
        kept.setLastModifiedDateTime(item.getLastModifiedDateTime());
        kept.setStatus(item.getStatus());
        return kept;
    }

    @Override
    List<String> categories(TodoTask item) {
        return item.getCategories();
    }

    @Override
    TodoTask categoriesPatch(List<String> categories) {
        TodoTask patch = new TodoTask();
        patch.setCategories(categories);
        return patch;
    }

    @Override
    ItemRead read(TodoTask item) {
        String id = item.getId();
        if (id == null || id.isBlank()) {
            return new ItemRead.Unreadable(RemoteChange.Unreadable.UNKNOWN_ID, "id", "no id");
        }
        String version = version(item);
        if (version == null) {
            return new ItemRead.Unreadable(id, "@odata.etag", "no ETag or lastModifiedDateTime");
        }
        try {
            ItemRead.Values values = new ItemRead.Values(type())
                    .put("subject", item.getTitle())
                    .put("notes", item.getBody() == null ? null : item.getBody().getContent())
                    .put("due", item.getDueDateTime() == null ? null
                            : GraphTimes.date(item.getDueDateTime(), "due").toString())
                    .put("priority", item.getImportance() == null ? null : item.getImportance().getValue())
                    .put("done", Boolean.toString(item.getStatus() == TaskStatus.Completed));
            return new ItemRead.Readable(new RemoteRecord(id, version, values.map(),
                    modified(item.getLastModifiedDateTime())), shared(item.getCategories()));
        } catch (ItemRead.BadValue e) {
            return new ItemRead.Unreadable(id, e.field(), e.getMessage());
        }
    }

    @Override
    TodoTask body(Map<String, String> values, TodoTask current) throws InvalidWrite {
        TodoTask task = new TodoTask();
        boolean update = current != null;
        ContactItems.text(task, "title", values.get("subject"), update, task::setTitle);
        if (update || values.get("notes") != null) {
            ItemBody body = new ItemBody();
            body.setContentType(BodyType.Text);
            body.setContent(values.getOrDefault("notes", ""));
            task.setBody(body);
        }
        if (values.get("due") != null) {
            try {
                task.setDueDateTime(GraphTimes.midnight(LocalDate.parse(values.get("due"))));
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidWrite("due", "is not a date");
            }
        } else if (update) {
            clear(task, "dueDateTime");
        }
        String priority = values.getOrDefault("priority", "normal");
        task.setImportance(switch (priority) {
            case "low" -> Importance.Low;
            case "high" -> Importance.High;
            case "normal" -> Importance.Normal;
            default -> throw new InvalidWrite("priority", "is not low, normal or high");
        });
        boolean done = Boolean.parseBoolean(values.getOrDefault("done", "false"));
        // "Not done" keeps a task the user has in progress (or waiting, deferred) as it is.
        TaskStatus now = current == null ? null : current.getStatus();
        task.setStatus(done ? TaskStatus.Completed
                : now != null && now != TaskStatus.Completed ? now : TaskStatus.NotStarted);
        return task;
    }

    @Override
    void mark(TodoTask item, String clientId) {
        LinkedResource link = new LinkedResource();
        link.setApplicationName(APPLICATION);
        link.setDisplayName("Outpost");
        link.setExternalId(clientId);
        item.setLinkedResources(List.of(link));
        item.setCategories(List.of(settings.shareCategory()));
    }

    /**
     * Tasks whose linked resource has this external id. Graph documents no filter on linkedResources; the lambda
     * filter below is used in the field (*unconfirmed*). A server that refuses it with 400 gets a scan of the list
     * with the linked resources expanded.
     */
    @Override
    boolean scansWhenFilterRefused() {
        return true;
    }

    @Override
    RequestInformation findCreatedRequest(String clientId) {
        return tasks().toGetRequestInformation(rc -> {
            prefer.applyTo(rc.headers);
            rc.queryParameters.filter = "linkedResources/any(r:r/externalId eq " + literal(clientId) + ")";
            rc.queryParameters.expand = new String[] {"linkedResources"};
        });
    }

    @Override
    List<TodoTask> found(GraphBatch.Answer answer, String clientId) {
        if (answer.status() == 400 || answer.status() == 501) {
            return findCreated(clientId); // the filter refused: scan
        }
        var page = answer.as(com.microsoft.graph.models.TodoTaskCollectionResponse::createFromDiscriminatorValue);
        return matching(page.getValue(), clientId);
    }

    /** The tasks carrying the marker; when the server did not expand linkedResources, its filter is trusted. */
    private static List<TodoTask> matching(List<TodoTask> tasks, String clientId) {
        return tasks == null ? List.of()
                : tasks.stream().filter(t -> hasMarker(t, clientId) || t.getLinkedResources() == null).toList();
    }

    @Override
    List<TodoTask> findCreated(String clientId) {
        try {
            return matching(client.getRequestAdapter().send(findCreatedRequest(clientId), errors(),
                    com.microsoft.graph.models.TodoTaskCollectionResponse::createFromDiscriminatorValue).getValue(), clientId);
        } catch (ApiException e) {
            if (e.getResponseStatusCode() != 400 && e.getResponseStatusCode() != 501) {
                throw e;
            }
        }
        java.util.ArrayList<TodoTask> found = new java.util.ArrayList<>();
        var page = tasks().get(rc -> {
            prefer.applyTo(rc.headers);
            rc.queryParameters.expand = new String[] {"linkedResources"};
        });
        while (page != null) {
            if (page.getValue() != null) {
                page.getValue().stream().filter(t -> hasMarker(t, clientId)).forEach(found::add);
            }
            String next = page.getOdataNextLink();
            page = next == null ? null : tasks().withUrl(next).get(rc -> prefer.applyTo(rc.headers));
        }
        return found;
    }

    private static boolean hasMarker(TodoTask task, String clientId) {
        return task.getLinkedResources() != null && task.getLinkedResources().stream()
                .anyMatch(l -> clientId.equals(l.getExternalId()));
    }

    @Override
    /** By title ({@code title eq}); a server refusing the filter gets a scan of the list. */
    List<TodoTask> candidates(UserKey key) {
        String subject = keyParts(key, 2).getFirst();
        var tasks = tasks();
        return filteredOrScanned(() -> all(tasks.get(rc -> {
                    prefer.applyTo(rc.headers);
                    rc.queryParameters.filter = "title eq " + literal(subject);
                }), link -> tasks.withUrl(link).get(rc -> prefer.applyTo(rc.headers)),
                        p -> p.getValue(), p -> p.getOdataNextLink()),
                () -> all(tasks.get(rc -> prefer.applyTo(rc.headers)),
                        link -> tasks.withUrl(link).get(rc -> prefer.applyTo(rc.headers)),
                        p -> p.getValue(), p -> p.getOdataNextLink()));
    }
}
